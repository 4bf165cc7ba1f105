import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lab } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LabNotebook } from '../features/notes/LabNotebook.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /labs/:labId/notes — the lab notebook, written together live. */
export function LabNotesPage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  usePageTitle(lab.data ? `${t('notes.title')} · ${lab.data.name}` : t('notes.title'));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}`}>{t('notes.backToLab')}</Link>
      </p>
      <header className="notes-header">
        <h1 data-testid="notes-title">{t('notes.title')}</h1>
        {lab.data ? (
          <p className="notes-lab-name" data-testid="notes-lab-name">
            {lab.data.name}
          </p>
        ) : null}
        <p className="muted">{t('notes.intro')}</p>
      </header>
      <ErrorAlert error={lab.error} />
      {lab.error ? null : <LabNotebook labId={labId} />}
    </>
  );
}
