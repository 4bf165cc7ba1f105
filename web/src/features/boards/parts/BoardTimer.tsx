import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings } from '@relab/shared';

/** Seconds left until `endsAt` (never below zero). */
export function secondsLeft(endsAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

export function formatSeconds(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The facilitator's timer, counting down for everyone. */
export function BoardTimer({ timer }: { timer: BoardSettings['timer'] }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const endsAt = timer?.endsAt ?? null;
  useEffect(() => {
    if (!endsAt) return undefined;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [endsAt]);
  if (!endsAt) return null;
  const left = secondsLeft(endsAt, now);
  return (
    <p className={`board-timer${left === 0 ? ' board-timer-done' : ''}`} data-testid="board-timer" data-remaining={left}>
      <span className="board-timer-label">{t('boards.timer.label')}</span>{' '}
      <span className="board-timer-value" aria-hidden="true">
        {left === 0 ? t('boards.timer.done') : formatSeconds(left)}
      </span>
      {left > 0 ? <span className="visually-hidden">{t('boards.timer.minutesLeft', { count: Math.ceil(left / 60) })}</span> : null}
      {/* Announced once, when the time is up. */}
      <span className="visually-hidden" role="status">
        {left === 0 ? t('boards.timer.done') : ''}
      </span>
    </p>
  );
}
