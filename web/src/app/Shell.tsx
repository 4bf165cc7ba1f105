import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/useSession.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

/** Page frame: skip link, header (name, navigation, language, logout), main content. */
export function Shell() {
  const { t } = useTranslation();
  const { status, me, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a navigation, move focus to the new content, so keyboard and screen-reader users start at the top of it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  async function logout() {
    await signOut();
    navigate('/login', { replace: true });
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              {status === 'authenticated' ? (
                <>
                  <li>
                    <NavLink to="/" end>
                      {t('nav.labs')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/settings">{t('nav.settings')}</NavLink>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">{t('nav.login')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/join">{t('nav.join')}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitcher />
            {me ? (
              <div className="user-box">
                <span className="user-name" translate="no">
                  <span className="visually-hidden">{t('nav.loggedInAs')} </span>
                  {me.displayName}
                </span>
                <button type="button" className="button button-secondary button-small" data-testid="logout" onClick={logout}>
                  {t('nav.logout')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
