import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { LoginForm } from '../features/auth/LoginForm.js';
import { useSession } from '../features/auth/useSession.js';
import { safeNextPath } from '../lib/format.js';
import { usePageTitle } from '../lib/usePageTitle.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { status, notice } = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  usePageTitle(t('login.title'));

  if (status === 'loading') return <Loading />;
  if (status === 'authenticated') return <Navigate to={next} replace />;

  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {notice ? <ErrorAlert error={null} messageKey={`errors.${notice}`} /> : null}
      <LoginForm />
      <div className="aside-links">
        <h2 className="h3">{t('login.otherWays')}</h2>
        <ul>
          <li>
            <Link to="/join">{t('login.joinLink')}</Link>
          </li>
          <li>
            <Link to="/recover">{t('login.recoverLink')}</Link>
          </li>
        </ul>
        <p className="muted">{t('login.invitedHint')}</p>
      </div>
    </section>
  );
}
