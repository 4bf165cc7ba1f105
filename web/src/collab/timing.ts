/** Small timing helpers of the provider, with injectable timers so they can be tested without waiting. */
import * as Y from 'yjs';

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Collects the updates made within one tick and hands them over as one merged update (Y.mergeUpdates), so typing
 * or a paste of many transactions becomes one message instead of a flood.
 */
export class UpdateBatcher {
  private updates: Uint8Array[] = [];
  private handle: unknown = null;

  constructor(
    private readonly flush: (merged: Uint8Array) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  get size(): number {
    return this.updates.length;
  }

  add(update: Uint8Array): void {
    this.updates.push(update);
    if (this.handle === null) this.handle = this.timers.setTimeout(() => this.flushNow(), 0);
  }

  /** Hands over what is waiting now (nothing when empty). */
  flushNow(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    if (this.updates.length === 0) return;
    const merged = this.updates.length === 1 ? this.updates[0]! : Y.mergeUpdates(this.updates);
    this.updates = [];
    this.flush(merged);
  }

  /** Forgets what is waiting (it is in the local document; the next handshake sends it). */
  clear(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.updates = [];
  }
}

/**
 * Runs `fn` at most once per `intervalMs`: the first call at once, later calls folded into one trailing call.
 * Used for awareness (the server accepts 15 messages per second per document).
 */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;
  private handle: unknown = null;

  constructor(
    private readonly fn: () => void,
    private readonly intervalMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  call(): void {
    if (this.handle !== null) return;
    const wait = this.last + this.intervalMs - this.timers.now();
    if (wait <= 0) this.run();
    else this.handle = this.timers.setTimeout(() => this.run(), wait);
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private run(): void {
    this.handle = null;
    this.last = this.timers.now();
    this.fn();
  }
}

/** Delay before the n-th retry (n from 0): 1 s, 2 s, 4 s … capped at `maxMs`. */
export function backoffDelay(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
