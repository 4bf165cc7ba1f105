import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockOffsetMs, formatClock, minutesLeft, reachedZero, remainingSeconds } from '../timer.js';
import type { LiveSnapshot } from './useSessionRoom.js';

/**
 * The current item's timer, counted down from the live state on the server's clock. For screen readers it is a
 * `timer` (not announced while it ticks) whose text changes once a minute; only "time is up" is announced, by the
 * room, through `onTimeUp`.
 */
export function SessionTimer({ live, onTimeUp }: { live: LiveSnapshot; onTimeUp: () => void }) {
  const { t } = useTranslation();
  const timer = live.state.timer;
  const running = timer?.running === true;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return undefined;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running, live]);

  const left = remainingSeconds(timer, clockOffsetMs(live.state.serverNow, live.receivedAt), live.receivedAt, now);
  const previous = useRef<number | null>(null);
  const timeUpRef = useRef(onTimeUp);
  timeUpRef.current = onTimeUp;
  useEffect(() => {
    if (reachedZero(previous.current, left, running)) timeUpRef.current();
    previous.current = left;
  }, [left, running]);

  if (!timer) {
    return (
      <p className="session-timer session-timer-none" data-testid="timer-display" data-remaining="" data-running="false">
        {t('sessions.timer.none')}
      </p>
    );
  }
  const done = left === 0;
  const paused = !running && !done;
  const spoken = done ? t('sessions.timer.done') : t(paused ? 'sessions.timer.pausedLeft' : 'sessions.timer.minutesLeft', { count: minutesLeft(left) });
  return (
    <div
      className={`session-timer${done ? ' session-timer-done' : ''}${paused ? ' session-timer-paused' : ''}`}
      role="timer"
      aria-live="off"
      data-testid="timer-display"
      data-remaining={left}
      data-running={running}
      data-total={timer.totalSeconds}
    >
      <span className="session-timer-value" aria-hidden="true">
        {formatClock(left)}
      </span>
      <span className="session-timer-state" aria-hidden="true">
        {done ? t('sessions.timer.done') : paused ? t('sessions.timer.paused') : t('sessions.timer.of', { total: formatClock(timer.totalSeconds) })}
      </span>
      <span className="visually-hidden">
        {t('sessions.timer.label')}: {spoken}
      </span>
    </div>
  );
}
