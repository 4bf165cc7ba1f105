import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lab, SessionSummary } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { sessionLinks, sessionsApi } from '../features/sessions/api.js';
import { GroundRulesEditor } from '../features/sessions/list/GroundRulesEditor.js';
import { SessionCard } from '../features/sessions/list/SessionCard.js';
import { PlanSessionForm } from '../features/sessions/plan/PlanSessionForm.js';
import { emptyDraft } from '../features/sessions/plan.js';
import { groupSessions, mergeSessions } from '../features/sessions/sessionList.js';
import { zoneLabel } from '../features/sessions/time.js';
import { useTimeZone } from '../features/sessions/useTimeZone.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';
import '../features/sessions/sessions.css';

/** /labs/:labId/sessions — the lab's sessions (now, upcoming, past); facilitators plan new ones. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { labId = '' } = useParams();
  const navigate = useNavigate();
  const [timeZone] = useTimeZone();
  const [planning, setPlanning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const upcoming = useApiQuery<SessionSummary[]>(() => sessionsApi.list(labId, 'upcoming'), [labId]);
  const past = useApiQuery<SessionSummary[]>(() => sessionsApi.list(labId, 'past'), [labId]);
  usePageTitle(lab.data ? `${t('sessions.title')} · ${lab.data.name}` : t('sessions.title'));
  const facilitator = lab.data?.myRole === 'facilitator';
  const loaded = upcoming.data !== undefined || past.data !== undefined;
  const groups = groupSessions(mergeSessions(past.data, upcoming.data), Date.now());

  function closeForm() {
    setPlanning(false);
    requestAnimationFrame(() => newButton.current?.focus());
  }

  function created(list: SessionSummary[]) {
    const first = list[0];
    if (list.length === 1 && first) {
      navigate(`/labs/${encodeURIComponent(labId)}/sessions/${encodeURIComponent(first.id)}`);
      return;
    }
    setNotice(t('sessions.plan.createdSeries', { count: list.length }));
    upcoming.reload();
    closeForm();
  }

  const section = (key: 'live' | 'upcoming' | 'past', list: SessionSummary[]) => (
    <section aria-labelledby={`sessions-${key}-title`} data-testid={`sessions-${key}`}>
      <h2 id={`sessions-${key}-title`}>{t(`sessions.list.${key}`)}</h2>
      {list.length === 0 ? (
        <p className="muted" data-testid={`sessions-empty-${key}`}>
          {t(`sessions.list.empty.${key}`)}
        </p>
      ) : (
        <ul className="lab-list session-list">
          {list.map((s) => (
            <SessionCard key={s.id} session={s} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}`}>{t('notes.backToLab')}</Link>
      </p>
      <header className="notes-header">
        <h1 data-testid="sessions-title">{t('sessions.title')}</h1>
        {lab.data ? <p className="notes-lab-name">{lab.data.name}</p> : null}
        <p className="muted">{t('sessions.intro')}</p>
        <p className="hint" data-testid="sessions-time-zone">
          {t('sessions.list.shownIn', { zone: zoneLabel(timeZone, Date.now(), i18n.language) })}{' '}
          <Link to="/settings">{t('sessions.list.changeZone')}</Link>
        </p>
      </header>
      <ErrorAlert error={lab.error} />
      {notice ? (
        <p className="alert alert-success" role="status" data-testid="sessions-notice">
          {notice}
        </p>
      ) : null}

      <div className="button-row sessions-actions">
        {facilitator && !planning ? (
          <button type="button" ref={newButton} className="button" data-testid="session-new" onClick={() => setPlanning(true)}>
            {t('sessions.plan.open')}
          </button>
        ) : null}
        <a className="button button-secondary" href={sessionLinks.labCalendar(labId)} download data-testid="sessions-ics-all">
          {t('sessions.calendar.downloadAll')}
        </a>
      </div>
      <p className="hint">{t('sessions.calendar.hint')}</p>

      {facilitator && planning ? (
        <section className="card" aria-labelledby="plan-form-title">
          <h2 id="plan-form-title">{t('sessions.plan.heading')}</h2>
          <PlanSessionForm mode="create" labId={labId} initial={emptyDraft(timeZone)} onDone={created} onCancel={closeForm} />
        </section>
      ) : null}

      {!loaded && (upcoming.loading || past.loading) ? <Loading /> : null}
      <ErrorAlert error={upcoming.error ?? past.error} />
      {loaded ? (
        <>
          {groups.live.length > 0 ? section('live', groups.live) : null}
          {section('upcoming', groups.upcoming)}
          {section('past', groups.past)}
        </>
      ) : null}

      {facilitator ? <GroundRulesEditor labId={labId} /> : null}
    </>
  );
}
