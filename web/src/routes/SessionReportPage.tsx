import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionReport } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { sessionsApi } from '../features/sessions/api.js';
import { SessionReportView } from '../features/sessions/report/SessionReportView.js';
import { useTimeZone } from '../features/sessions/useTimeZone.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';
import '../features/sessions/sessions.css';

/** /labs/:labId/sessions/:sessionId/report — the report of an ended session, and its exports. */
export function SessionReportPage() {
  const { t } = useTranslation();
  const { labId = '', sessionId = '' } = useParams();
  const [timeZone] = useTimeZone();
  const report = useApiQuery<SessionReport>(() => sessionsApi.report(labId, sessionId), [labId, sessionId]);
  usePageTitle(report.data ? t('sessions.report.title', { title: report.data.session.title }) : t('sessions.report.link'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}/sessions/${encodeURIComponent(sessionId)}`} data-testid="report-back">
          {t('sessions.report.back')}
        </Link>
      </p>
      {report.loading && !report.data ? <Loading /> : null}
      <ErrorAlert error={report.error} />
      {report.data ? <SessionReportView report={report.data} timeZone={timeZone} /> : null}
    </>
  );
}
