import { useTranslation } from 'react-i18next';

/** Shown when a page crashes: a calm message and a way out, never a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="main">
      <section className="narrow" aria-labelledby="route-error-title">
        <h1 id="route-error-title">{t('errorPage.title')}</h1>
        <p>{t('errorPage.text')}</p>
        <p>
          <a href="/">{t('errorPage.home')}</a>
        </p>
      </section>
    </main>
  );
}
