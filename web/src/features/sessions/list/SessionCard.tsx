import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '@relab/shared';
import { sessionLinks } from '../api.js';
import { SessionPlace, SessionStatusBadge, SessionWhen } from './SessionWhen.js';

/** One session in the list: title, when (in my zone), where, status, and its calendar file. */
export function SessionCard({ session, timeZone }: { session: SessionSummary; timeZone: string }) {
  const { t } = useTranslation();
  const path = `/labs/${encodeURIComponent(session.labId)}/sessions/${encodeURIComponent(session.id)}`;
  const titleId = `session-card-title-${session.id}`;
  return (
    <li className="card session-card" data-testid="session-card" data-session-id={session.id} data-status={session.status}>
      <h3 className="session-card-title" id={titleId}>
        <Link to={path} data-testid="session-link">
          {session.title}
        </Link>
      </h3>
      <p className="session-card-when">
        <SessionWhen session={session} timeZone={timeZone} testId="session-card-when" />
      </p>
      <p className="session-card-place">
        <SessionPlace session={session} testIdPrefix="session-card" />
      </p>
      <p className="session-card-meta">
        <SessionStatusBadge status={session.status} testId="session-card-status" />
        {session.recurrence !== 'none' ? <span className="badge">{t(`sessions.recurrence.${session.recurrence}`)}</span> : null}
      </p>
      {session.status === 'planned' ? (
        <p className="session-card-actions">
          <a href={sessionLinks.calendar(session.labId, session.id)} download data-testid="session-card-ics" aria-describedby={titleId}>
            {t('sessions.calendar.addOne')}
          </a>
        </p>
      ) : null}
      {session.status === 'ended' ? (
        <p className="session-card-actions">
          <Link to={`${path}/report`} data-testid="session-card-report" aria-describedby={titleId}>
            {t('sessions.report.link')}
          </Link>
        </p>
      ) : null}
    </li>
  );
}
