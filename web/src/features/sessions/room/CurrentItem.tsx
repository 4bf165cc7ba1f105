import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { refPath } from '../agenda.js';
import { SessionTimer } from './SessionTimer.js';
import type { LiveSnapshot } from './useSessionRoom.js';

export interface TimerControls {
  onTimer: (action: 'start' | 'pause' | 'reset') => void;
  pending: boolean;
  error: unknown;
}

interface Props {
  labId: string;
  item: AgendaItem | null;
  live: LiveSnapshot;
  onTimeUp: () => void;
  /** Facilitators. */
  controls?: TimerControls;
}

/** The agenda item the room is on now, with its timer (and, for facilitators, the timer's buttons). */
export function CurrentItem({ labId, item, live, onTimeUp, controls }: Props) {
  const { t } = useTranslation();
  const timer = live.state.timer;
  const path = item ? refPath(labId, item.kind, item.refId) : null;
  const canResume = timer !== null && !timer.running && timer.remainingSeconds > 0 && timer.remainingSeconds < timer.totalSeconds;

  return (
    <section className="card current-item" aria-labelledby="current-item-title" data-testid="current-item" data-item-id={item?.id ?? ''}>
      <h2 id="current-item-title" className="h3">
        {t('sessions.live.current')}
      </h2>
      {item ? (
        <>
          <p className="current-item-title" data-testid="current-item-title">
            {item.title}
          </p>
          <p className="current-item-meta">
            <span className="chip">{t(`sessions.kinds.${item.kind}`)}</span>{' '}
            <span>{t('sessions.agenda.minutesShort', { count: item.minutes })}</span>
            {path && item.refTitle ? (
              <>
                {' · '}
                <Link to={path} target="_blank" rel="noopener" data-testid="current-item-ref">
                  {item.refTitle}
                  <span className="visually-hidden"> {t('sessions.newTab')}</span>
                </Link>
              </>
            ) : null}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="current-item-none">
          {controls ? t('sessions.live.noCurrentFacilitator') : t('sessions.live.noCurrent')}
        </p>
      )}
      <SessionTimer live={live} onTimeUp={onTimeUp} />
      {controls ? (
        <div className="button-row timer-controls" role="group" aria-label={t('sessions.timer.controls')}>
          <button
            type="button"
            className="button button-small"
            data-testid="timer-start"
            disabled={controls.pending || !item || timer?.running === true}
            onClick={() => controls.onTimer('start')}
          >
            {canResume ? t('sessions.timer.resume') : t('sessions.timer.start')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="timer-pause"
            disabled={controls.pending || timer?.running !== true}
            onClick={() => controls.onTimer('pause')}
          >
            {t('sessions.timer.pause')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="timer-reset"
            disabled={controls.pending || !item}
            onClick={() => controls.onTimer('reset')}
          >
            {t('sessions.timer.reset')}
          </button>
        </div>
      ) : null}
      {controls ? <ErrorAlert error={controls.error} /> : null}
    </section>
  );
}
