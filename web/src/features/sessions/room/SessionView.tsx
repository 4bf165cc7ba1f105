import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Loading } from '../../../components/Loading.js';
import { useAction } from '../../../lib/useAction.js';
import { usePageTitle } from '../../../lib/usePageTitle.js';
import { sessionsApi } from '../api.js';
import { PlanSessionForm } from '../plan/PlanSessionForm.js';
import { draftFromSession } from '../plan.js';
import { useTimeZone } from '../useTimeZone.js';
import { AgendaList } from './AgendaList.js';
import { ConsentPanel } from './ConsentPanel.js';
import { LiveRoom } from './LiveRoom.js';
import { SessionHeader } from './SessionHeader.js';
import { SessionNotes } from './SessionNotes.js';
import { useSessionRoom } from './useSessionRoom.js';

const LIVE_REFUSALS = new Set(['UNAUTHENTICATED', 'BAD_TOPIC', 'NOT_FOUND', 'RATE_LIMITED', 'ACCESS_REVOKED']);

/** A session's page: details and agenda; the ground rules to accept first; the live room; the way to the report. */
export function SessionView({ labId, sessionId }: { labId: string; sessionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [timeZone] = useTimeZone();
  const [editing, setEditing] = useState(false);
  const room = useSessionRoom(labId, sessionId);
  const start = useAction();
  const { session } = room;
  const detail = session.data;
  usePageTitle(detail?.title ?? t('sessions.session'));
  const sessionsPath = `/labs/${encodeURIComponent(labId)}/sessions`;
  const back = (
    <p className="breadcrumb">
      <Link to={sessionsPath} data-testid="sessions-back">
        {t('sessions.back')}
      </Link>
    </p>
  );

  if (!detail) {
    return (
      <>
        {back}
        {session.loading ? <Loading /> : <ErrorAlert error={session.error} />}
      </>
    );
  }

  const status = room.status ?? detail.status;
  const facilitator = detail.me.facilitator;
  const open = status === 'planned' || status === 'live';
  const needsConsent = !room.consented && status !== 'cancelled';
  const refused = room.refusedCode && LIVE_REFUSALS.has(room.refusedCode) ? room.refusedCode : null;

  async function startSession() {
    const state = await start.run(() => sessionsApi.start(labId, sessionId));
    if (state) room.acceptState(state);
  }

  return (
    <div className="session-page">
      {back}
      <SessionHeader
        session={detail}
        status={status}
        timeZone={timeZone}
        editing={editing}
        onEdit={() => setEditing(true)}
        onCancelled={(d) => session.setData(d)}
      />
      {/* A failed reload keeps what was shown, with the reason. */}
      <ErrorAlert error={session.error} />
      {refused ? <ErrorAlert error={null} messageKey={`sessions.live.refused.${refused}`} /> : null}

      {editing ? (
        <section className="card" aria-labelledby="plan-form-title">
          <h2 id="plan-form-title">{t('sessions.plan.editHeading')}</h2>
          <PlanSessionForm
            mode="edit"
            labId={labId}
            sessionId={sessionId}
            initial={draftFromSession(detail)}
            onDone={(saved) => {
              session.setData(saved);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}

      {status === 'cancelled' ? (
        <p className="alert alert-warning" data-testid="session-cancelled">
          {t('sessions.details.cancelled')}
        </p>
      ) : null}
      {needsConsent && status !== 'ended' ? <ConsentPanel session={detail} onAgreed={(d) => session.setData(d)} onOutdated={session.reload} /> : null}

      {status === 'planned' && room.consented ? (
        <section className="card session-waiting" aria-labelledby="session-waiting-title">
          <h2 id="session-waiting-title" className="h3">
            {t('sessions.live.notStarted')}
          </h2>
          {facilitator ? (
            <>
              <p className="hint">{t('sessions.live.startHint')}</p>
              <button type="button" className="button" data-testid="session-start" disabled={start.pending} onClick={startSession}>
                {t('sessions.live.start')}
              </button>
              <ErrorAlert error={start.error} />
            </>
          ) : (
            <p className="muted" data-testid="session-waiting">
              {t('sessions.live.waiting')}
            </p>
          )}
        </section>
      ) : null}

      {status === 'ended' ? (
        <section className="card session-ended" aria-labelledby="session-ended-title" data-testid="session-ended">
          <h2 id="session-ended-title" className="h3">
            {t('sessions.live.ended')}
          </h2>
          <p>
            <Link to={`${sessionsPath}/${encodeURIComponent(sessionId)}/report`} data-testid="session-ended-report-link">
              {t('sessions.report.link')}
            </Link>
          </p>
        </section>
      ) : null}

      {status === 'live' && room.consented ? (
        <LiveRoom
          session={detail}
          room={room}
          timeZone={timeZone}
          onEnded={() => navigate(`${sessionsPath}/${encodeURIComponent(sessionId)}/report`)}
        />
      ) : (
        <>
          <section aria-labelledby="session-agenda-title">
            <h2 id="session-agenda-title">{t('sessions.agenda.title')}</h2>
            <AgendaList
              labId={labId}
              items={detail.agenda}
              currentItemId={status === 'live' ? room.live?.state.currentItemId : null}
              coveredItemIds={room.live?.state.coveredItemIds}
            />
          </section>
          {room.consented && (open || status === 'ended') ? <SessionNotes docName={detail.notesDocName} /> : null}
        </>
      )}
    </div>
  );
}
