/**
 * The agenda timer, counted down on every client from the live state. The server's clock decides: each state says
 * what time it was on the server (`serverNow`), so a client whose clock is off still shows the same time left.
 */
import type { LiveTimer } from '@relab/shared';

/** How far the server's clock is ahead of ours (ms), from a state's `serverNow` and when we received it. */
export function clockOffsetMs(serverNow: string, receivedAt: number): number {
  const server = Date.parse(serverNow);
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

/**
 * Whole seconds left on the timer at our local time `now`, never below zero.
 * Running: until `endsAt` on the server's clock (or, without it, what was left at `serverNow` minus what passed since).
 * Paused or stopped: what was left.
 */
export function remainingSeconds(timer: LiveTimer | null, offsetMs: number, receivedAt: number, now: number): number {
  if (!timer) return 0;
  if (!timer.running) return Math.max(0, Math.ceil(timer.remainingSeconds));
  const endsAt = timer.endsAt ? Date.parse(timer.endsAt) : Number.NaN;
  const leftMs = Number.isNaN(endsAt) ? timer.remainingSeconds * 1000 - (now - receivedAt) : endsAt - (now + offsetMs);
  return Math.max(0, Math.ceil(leftMs / 1000));
}

/** "4:05", "0:09", "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const total = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Minutes left as said to a screen reader: rounded up, so "1 minute" until the very end. */
export function minutesLeft(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/**
 * Whether "time is up" should be announced now: only at the moment a running timer reaches zero
 * (never when a page opens on a timer that was already over, nor for a paused one).
 */
export function reachedZero(previous: number | null, current: number, running: boolean): boolean {
  return running && previous !== null && previous > 0 && current === 0;
}
