import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api.js';

/** Downloads of a shared reflection (Markdown, PDF): plain links, the session cookie goes with them. */
export function ExportLinks({ labId, reflectionId }: { labId: string; reflectionId: string }) {
  const { t } = useTranslation();
  return (
    <section className="side-panel" aria-labelledby="export-title">
      <h2 id="export-title" className="h3">
        {t('reflections.export.title')}
      </h2>
      <p className="muted">{t('reflections.export.intro')}</p>
      <p className="button-row">
        <a className="button button-secondary button-small" href={exportUrl(labId, reflectionId, 'md')} download data-testid="export-md">
          {t('reflections.export.md')}
        </a>
        <a className="button button-secondary button-small" href={exportUrl(labId, reflectionId, 'pdf')} download data-testid="export-pdf">
          {t('reflections.export.pdf')}
        </a>
      </p>
    </section>
  );
}
