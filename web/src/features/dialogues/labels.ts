/** Pure helpers that turn dialogue states and errors into translation keys (and their values), and times into text. */
import { isPseudonymousRole, type Language, type LabRole } from '@relab/shared';
import { ApiError } from '../../lib/api.js';
import { dateFormat } from '../../lib/format.js';
import type { OutboxEntry } from './outbox.js';
import { isRefused, waitsForCondition } from './sender.js';

/** A translation key with its values, e.g. for <ErrorAlert messageKey values />. */
export interface Said {
  key: string;
  values?: Record<string, string | number>;
}

/** Families and returnees get the calm, phone-first view (large type, one main action per screen). */
export function usesSimpleView(role: LabRole | null | undefined): boolean {
  return role ? isPseudonymousRole(role) : false;
}

function details(error: unknown): Record<string, unknown> {
  if (!(error instanceof ApiError) || error.details === null || typeof error.details !== 'object') return {};
  return error.details as Record<string, unknown>;
}

/** Plain words for an error of the dialogue API; the generic `errors.<CODE>` for everything not special here. */
export function problemOf(error: unknown): Said {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN_ERROR';
  return problemOfCode(code, details(error));
}

export function problemOfCode(code: string, d: Record<string, unknown> = {}): Said {
  switch (code) {
    case 'DIALOGUE_PAUSED': {
      const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
      return reason ? { key: 'dialogues.problems.pausedWithReason', values: { reason } } : { key: 'dialogues.problems.paused' };
    }
    case 'SLOW_MODE': {
      const seconds = typeof d.retryAfterSeconds === 'number' ? Math.max(1, Math.ceil(d.retryAfterSeconds)) : null;
      return seconds ? { key: 'dialogues.problems.slowModeSeconds', values: { seconds } } : { key: 'dialogues.problems.slowMode' };
    }
    case 'MESSAGE_BLOCKED': {
      const words = Array.isArray(d.words) ? d.words.filter((w): w is string => typeof w === 'string') : [];
      return words.length ? { key: 'dialogues.problems.blockedWords', values: { words: words.map((w) => `“${w}”`).join(', ') } } : { key: 'dialogues.problems.blocked' };
    }
    case 'RATE_LIMITED':
      return { key: 'dialogues.problems.rateLimited' };
    case 'NETWORK_ERROR':
      return { key: 'dialogues.problems.offline' };
    case 'CONSENT_REQUIRED':
    case 'GROUND_RULES_OUTDATED':
      return { key: 'dialogues.problems.consent' };
    case 'PAYLOAD_TOO_LARGE':
      return { key: 'dialogues.problems.tooLong' };
    case 'DIALOGUE_NOT_FOUND':
    case 'FORBIDDEN':
      return { key: 'dialogues.problems.notParticipant' };
    default:
      return { key: `errors.${code}` };
  }
}

/** What an unsent message says about itself: sending, waiting (and why), or refused (and why). */
export function outboxNotice(entry: OutboxEntry, sending: boolean, now: number): { state: 'sending' | 'unsent' | 'refused'; said: Said } {
  if (sending) return { state: 'sending', said: { key: 'dialogues.outbox.sending' } };
  if (isRefused(entry)) {
    const problem = entry.lastError ? problemOfCode(entry.lastError, entry.lastDetails ?? {}) : { key: 'errors.UNKNOWN_ERROR' };
    return { state: 'refused', said: problem };
  }
  if (entry.notBefore !== null && entry.notBefore > now) {
    return { state: 'unsent', said: { key: 'dialogues.outbox.waitSeconds', values: { seconds: Math.ceil((entry.notBefore - now) / 1000) } } };
  }
  if (entry.lastError === 'DIALOGUE_PAUSED') return { state: 'unsent', said: { key: 'dialogues.outbox.paused' } };
  if (waitsForCondition(entry.lastError)) return { state: 'unsent', said: { key: 'dialogues.outbox.later' } };
  if (entry.lastError === null) return { state: 'unsent', said: { key: 'dialogues.outbox.queued' } };
  return { state: 'unsent', said: { key: 'dialogues.outbox.willRetry' } };
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "12 March, 14:05" this year, "12 March 2025, 14:05" before. */
export function formatMessageTime(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  const options: Intl.DateTimeFormatOptions = sameDay(date, now)
    ? time
    : date.getFullYear() === now.getFullYear()
      ? { ...time, day: 'numeric', month: 'long' }
      : { ...time, day: 'numeric', month: 'long', year: 'numeric' };
  return dateFormat(language, options).format(date);
}

/**
 * The ground rules a new dialogue starts with: the default text in each language of the dialogue, the UI language
 * first (a bilingual dialogue gets them in both languages).
 */
export function defaultGroundRules(languages: readonly Language[], first: Language, textIn: (language: Language) => string): string {
  const ordered = languages.includes(first) ? [first, ...languages.filter((l) => l !== first)] : [...languages];
  return ordered.map((l) => textIn(l).trim()).join('\n\n');
}

/** Slow-mode choices offered to moderators (seconds; 0 is off). */
export const SLOW_MODE_CHOICES = [0, 10, 30, 60, 120, 300, 600] as const;

/** "off", "30 s", "2 min" (short, for selects). */
export function slowModeParts(seconds: number): Said {
  if (seconds <= 0) return { key: 'dialogues.slowMode.off' };
  if (seconds % 60 === 0) return { key: 'dialogues.slowMode.minutes', values: { count: seconds / 60 } };
  return { key: 'dialogues.slowMode.seconds', values: { count: seconds } };
}
