import type { LiveState, LiveTimer, RaisedHand, SessionStatus } from '@relab/shared';

/** The timer as stored on the session row. */
export interface TimerColumns {
  timerTotalSeconds: number | null;
  timerRemainingSeconds: number | null;
  timerEndsAt: Date | null;
}

export interface LiveColumns extends TimerColumns {
  id: string;
  status: SessionStatus;
  currentItemId: string | null;
  itemStartedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

export type TimerAction = 'start' | 'pause' | 'reset';

const secondsLeft = (endsAt: Date, now: Date) => Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / 1000));

/** The timer as clients see it at `now` (null: there is none). */
export function timerAt(t: TimerColumns, now: Date): LiveTimer | null {
  if (t.timerTotalSeconds === null || t.timerRemainingSeconds === null) return null;
  if (t.timerEndsAt) {
    return { running: true, endsAt: t.timerEndsAt.toISOString(), remainingSeconds: secondsLeft(t.timerEndsAt, now), totalSeconds: t.timerTotalSeconds };
  }
  return { running: false, endsAt: null, remainingSeconds: t.timerRemainingSeconds, totalSeconds: t.timerTotalSeconds };
}

/** A timer of this length, not running (what a new current item gets). */
export function freshTimer(seconds: number): TimerColumns {
  return { timerTotalSeconds: seconds, timerRemainingSeconds: seconds, timerEndsAt: null };
}

/**
 * The timer after a facilitator's action; null when there is nothing to time (no timer, no current item and no
 * length given).
 * - start: with `seconds`, a new timer of that length, running; otherwise resumes (a timer that ran out starts
 *   again from its full length; one already running is left alone); without any timer, the item's length.
 * - pause: keeps what is left; pausing a paused timer changes nothing.
 * - reset: back to its full length (or `seconds`, or the item's length), not running.
 */
export function applyTimer(t: TimerColumns, action: TimerAction, seconds: number | undefined, itemSeconds: number | null, now: Date): TimerColumns | null {
  const running = (total: number, remaining: number): TimerColumns => ({
    timerTotalSeconds: total,
    timerRemainingSeconds: remaining,
    timerEndsAt: new Date(now.getTime() + remaining * 1000),
  });
  switch (action) {
    case 'start': {
      if (seconds !== undefined) return running(seconds, seconds);
      if (t.timerTotalSeconds === null || t.timerRemainingSeconds === null) return itemSeconds === null ? null : running(itemSeconds, itemSeconds);
      if (t.timerEndsAt) return t;
      const remaining = t.timerRemainingSeconds > 0 ? t.timerRemainingSeconds : t.timerTotalSeconds;
      return running(t.timerTotalSeconds, remaining);
    }
    case 'pause': {
      if (t.timerTotalSeconds === null) return null;
      if (!t.timerEndsAt) return t;
      return { timerTotalSeconds: t.timerTotalSeconds, timerRemainingSeconds: secondsLeft(t.timerEndsAt, now), timerEndsAt: null };
    }
    case 'reset': {
      const total = seconds ?? itemSeconds ?? t.timerTotalSeconds;
      return total === null ? null : freshTimer(total);
    }
  }
}

/** The complete live state published to the room (and returned by every live endpoint). */
export function liveState(s: LiveColumns, hands: RaisedHand[], coveredItemIds: string[], now: Date): LiveState {
  return {
    sessionId: s.id,
    status: s.status,
    currentItemId: s.currentItemId,
    itemStartedAt: s.itemStartedAt?.toISOString() ?? null,
    timer: timerAt(s, now),
    hands,
    coveredItemIds,
    startedAt: s.startedAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
  };
}
