/**
 * Sends the outbox: oldest first, one at a time, each with its own client id (the same one on every try).
 * A failure the server or the network may get over (no connection, server trouble, slow mode, paused, ground rules
 * to accept again) keeps the message and stops the round, so messages never overtake each other; a refusal only
 * the author can fix (blocked words, too long…) keeps it aside, not retried, until they edit or delete it.
 * Pure: the transport, the outbox's storage and the clock are injected.
 */
import type { DialogueMessage, SendMessageRequest } from '@relab/shared';
import { ApiError } from '../../lib/api.js';
import type { Outbox, OutboxEntry } from './outbox.js';

/** Failures that go away by themselves or with time: the message waits for as long as it takes. */
const ALWAYS_RETRY = new Set([
  'NETWORK_ERROR',
  'DATABASE_UNAVAILABLE',
  'RATE_LIMITED',
  'SLOW_MODE',
  'DIALOGUE_PAUSED',
  'CONSENT_REQUIRED',
  'GROUND_RULES_OUTDATED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
]);
/** Server trouble that may be about this very message: tried MAX_ATTEMPTS times, then set aside with "Try again". */
const RETRY_A_FEW_TIMES = new Set(['INTERNAL', 'UNKNOWN_ERROR', 'CSRF_REJECTED']);
/** Waiting for something the page reports (the dialogue resumes, the rules are accepted, a new login): no timer. */
const ON_CONDITION = new Set(['DIALOGUE_PAUSED', 'CONSENT_REQUIRED', 'GROUND_RULES_OUTDATED', 'UNAUTHENTICATED', 'SESSION_EXPIRED']);
export const MAX_ATTEMPTS = 8;
/** Waiting after a rate limit (the server refills a member's bucket every few seconds). */
export const RATE_LIMIT_WAIT_MS = 15_000;

export function isRetryable(code: string | null, attempts = 0): boolean {
  if (code === null || ALWAYS_RETRY.has(code)) return true;
  return RETRY_A_FEW_TIMES.has(code) && attempts < MAX_ATTEMPTS;
}

/** Whether the next try waits for the page (dialogue resumed, rules accepted…) rather than for a timer. */
export function waitsForCondition(code: string | null): boolean {
  return code !== null && ON_CONDITION.has(code);
}

/** An entry that waits for the author (edit or delete), not for the network. */
export function isRefused(entry: OutboxEntry): boolean {
  return !isRetryable(entry.lastError, entry.attempts);
}

/** Delay before the next automatic try after `attempts` failures: 2 s, 4 s, 8 s… at most a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(1, Math.min(attempts, 6)));
}

/** Seconds the server asked to wait (SLOW_MODE details.retryAfterSeconds), if any. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const value = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : null;
}

function detailsOf(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof ApiError)) return null;
  const d = error.details;
  return d !== null && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : null;
}

export function codeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'UNKNOWN_ERROR';
}

/** The body of the POST: always the entry's own client id. */
export function sendRequestOf(entry: OutboxEntry): SendMessageRequest {
  return { clientId: entry.clientId, body: entry.body, language: entry.language, replyTo: entry.replyTo, mentions: entry.mentions };
}

export interface FlushResult {
  sent: number;
  /** When to try again automatically (ms from now), or null when nothing is left to retry on a timer. */
  retryInMs: number | null;
}

export interface SenderOptions {
  outbox: Outbox;
  send: (request: SendMessageRequest) => Promise<DialogueMessage>;
  /** The server holds the message: show it. Called before the entry leaves the outbox. */
  onSent: (message: DialogueMessage) => void;
  /** The outbox or what is in flight changed (to render it again). */
  onChange?: () => void;
  now?: () => number;
}

export class OutboxSender {
  private running: Promise<FlushResult> | null = null;
  private again = false;
  private inFlight: string | null = null;

  constructor(private readonly options: SenderOptions) {}

  /** The client id being sent right now, if any. */
  get sending(): string | null {
    return this.inFlight;
  }

  /** Sends whatever is due; a call while a round runs asks for one more round after it. */
  flush(): Promise<FlushResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      let result: FlushResult;
      do {
        this.again = false;
        result = await this.round();
        total += result.sent;
      } while (this.again);
      return { sent: total, retryInMs: result.retryInMs };
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Makes a set-aside or waiting entry due again now (the author's "Try again"). */
  retryNow(clientId: string): Promise<FlushResult> {
    this.options.outbox.update(clientId, { attempts: 0, lastError: null, lastDetails: null, notBefore: null });
    this.options.onChange?.();
    return this.flush();
  }

  private async round(): Promise<FlushResult> {
    const { outbox, send, onSent, onChange } = this.options;
    const now = this.options.now ?? Date.now;
    let sent = 0;
    for (;;) {
      const entry = outbox.list().find((e) => !isRefused(e));
      if (!entry) return { sent, retryInMs: null };
      if (entry.notBefore !== null && entry.notBefore > now()) return { sent, retryInMs: entry.notBefore - now() };
      this.inFlight = entry.clientId;
      onChange?.();
      try {
        const message = await send(sendRequestOf(entry));
        onSent(message);
        outbox.remove(entry.clientId);
        sent++;
      } catch (error) {
        const code = codeOf(error);
        const attempts = entry.attempts + 1;
        const wait = retryAfterSeconds(error);
        const notBefore =
          code === 'SLOW_MODE' ? now() + (wait ?? 5) * 1000 : code === 'RATE_LIMITED' ? now() + (wait !== null ? wait * 1000 : RATE_LIMIT_WAIT_MS) : null;
        outbox.update(entry.clientId, { attempts, lastError: code, lastDetails: detailsOf(error), notBefore });
        if (isRetryable(code, attempts)) {
          const retryInMs = notBefore !== null ? notBefore - now() : waitsForCondition(code) ? null : backoffMs(attempts);
          return { sent, retryInMs };
        }
        // Refused for good: set aside for the author; the next messages may still go.
      } finally {
        this.inFlight = null;
        onChange?.();
      }
    }
  }
}
