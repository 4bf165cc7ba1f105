import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lab } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ActivityDashboard } from '../features/activity/ActivityDashboard.js';
import { ACTIVITY_ROLES } from '../features/activity/roles.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /labs/:labId/activity — bonding, bridging and linking in the lab: dashboard and network (facilitators, observers). */
export function ActivityPage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  usePageTitle(lab.data ? `${t('activity.title')} · ${lab.data.name}` : t('activity.title'));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}`}>{t('notes.backToLab')}</Link>
      </p>
      <header className="notes-header">
        <h1 data-testid="activity-title">{t('activity.title')}</h1>
        {lab.data ? <p className="notes-lab-name">{lab.data.name}</p> : null}
        <p className="muted">{t('activity.intro')}</p>
      </header>
      <ErrorAlert error={lab.error} />
      {lab.data && !ACTIVITY_ROLES.has(lab.data.myRole) ? (
        <p className="alert alert-warning" role="status" data-testid="activity-not-allowed">
          {t('activity.notAllowed')}
        </p>
      ) : null}
      {/* the dashboard asks for its figures while the lab loads (see ActivityDashboard) */}
      {!lab.error && (!lab.data || ACTIVITY_ROLES.has(lab.data.myRole)) ? <ActivityDashboard labId={labId} lab={lab.data} /> : null}
    </>
  );
}
