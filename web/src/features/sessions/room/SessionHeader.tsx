import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionDetail, SessionStatus } from '@relab/shared';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useAction } from '../../../lib/useAction.js';
import { sessionLinks, sessionsApi } from '../api.js';
import { SessionPlace, SessionStatusBadge, SessionWhen } from '../list/SessionWhen.js';

interface Props {
  session: SessionDetail;
  /** The live status (may be newer than the session's). */
  status: SessionStatus;
  timeZone: string;
  editing: boolean;
  onEdit: () => void;
  onCancelled: (detail: SessionDetail) => void;
}

/** Title, status, when and where, the calendar file; facilitators change or cancel a session that has not ended. */
export function SessionHeader({ session, status, timeZone, editing, onEdit, onCancelled }: Props) {
  const { t } = useTranslation();
  const cancel = useAction();
  const facilitator = session.me.facilitator;

  async function cancelSession() {
    const detail = await cancel.run(() => sessionsApi.cancel(session.labId, session.id));
    if (detail) onCancelled(detail);
  }

  return (
    <header className="session-header">
      <h1 data-testid="session-title">{session.title}</h1>
      <p className="session-header-status">
        <SessionStatusBadge status={status} testId="session-status" />
        {session.recurrence !== 'none' ? <span className="badge">{t(`sessions.recurrence.${session.recurrence}`)}</span> : null}
      </p>
      <dl className="facts session-facts">
        <div>
          <dt>{t('sessions.details.when')}</dt>
          <dd>
            <SessionWhen session={session} timeZone={timeZone} testId="session-when" />
          </dd>
        </div>
        <div>
          <dt>{t('sessions.details.where')}</dt>
          <dd>
            <SessionPlace session={session} testIdPrefix="session" />
          </dd>
        </div>
      </dl>
      <div className="button-row session-header-actions">
        {status === 'planned' ? (
          <a className="button button-secondary button-small" href={sessionLinks.calendar(session.labId, session.id)} download data-testid="session-ics">
            {t('sessions.calendar.addOne')}
          </a>
        ) : null}
        {status === 'ended' ? (
          <Link className="button button-secondary button-small" to={`/labs/${encodeURIComponent(session.labId)}/sessions/${encodeURIComponent(session.id)}/report`} data-testid="session-report-link">
            {t('sessions.report.link')}
          </Link>
        ) : null}
        {facilitator && (status === 'planned' || status === 'live') && !editing ? (
          <button type="button" className="button button-secondary button-small" data-testid="session-edit" onClick={onEdit}>
            {t('sessions.details.edit')}
          </button>
        ) : null}
        {facilitator && status === 'planned' && !editing ? (
          <ConfirmButton
            label={t('sessions.details.cancel')}
            question={t('sessions.details.cancelQuestion')}
            confirmLabel={t('sessions.details.cancelConfirm')}
            onConfirm={cancelSession}
            disabled={cancel.pending}
            testId="session-cancel"
          />
        ) : null}
      </div>
      <ErrorAlert error={cancel.error} />
    </header>
  );
}
