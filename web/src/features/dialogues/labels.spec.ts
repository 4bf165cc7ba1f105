import { describe, expect, test } from '@jest/globals';
import { ApiError } from '../../lib/api.js';
import { bodySegments, cleanBody, draftProblem, mentionTargets, mentionedMemberIds, shortQuote } from './compose.js';
import { defaultGroundRules, formatMessageTime, outboxNotice, problemOf, slowModeParts, usesSimpleView } from './labels.js';
import type { OutboxEntry } from './outbox.js';

const entry = (patch: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: 'c-1',
  body: 'Bonjour',
  language: 'fr',
  replyTo: null,
  mentions: [],
  createdAt: '2026-03-12T10:00:00.000Z',
  attempts: 0,
  lastError: null,
  notBefore: null,
  ...patch,
});

describe('plain words for problems', () => {
  test('paused, with and without a reason', () => {
    expect(problemOf(new ApiError('DIALOGUE_PAUSED', 409, { reason: ' A short break ' }))).toEqual({
      key: 'dialogues.problems.pausedWithReason',
      values: { reason: 'A short break' },
    });
    expect(problemOf(new ApiError('DIALOGUE_PAUSED', 409))).toEqual({ key: 'dialogues.problems.paused' });
  });

  test('slow mode says how long to wait', () => {
    expect(problemOf(new ApiError('SLOW_MODE', 429, { retryAfterSeconds: 11.2 }))).toEqual({ key: 'dialogues.problems.slowModeSeconds', values: { seconds: 12 } });
    expect(problemOf(new ApiError('SLOW_MODE', 429))).toEqual({ key: 'dialogues.problems.slowMode' });
  });

  test('blocked words are named', () => {
    expect(problemOf(new ApiError('MESSAGE_BLOCKED', 422, { words: ['idiot', 3] }))).toEqual({ key: 'dialogues.problems.blockedWords', values: { words: '“idiot”' } });
    expect(problemOf(new ApiError('MESSAGE_BLOCKED', 422))).toEqual({ key: 'dialogues.problems.blocked' });
  });

  test('anything else falls back on the shared error text', () => {
    expect(problemOf(new ApiError('LAB_NOT_FOUND', 404))).toEqual({ key: 'errors.LAB_NOT_FOUND' });
    expect(problemOf(new Error('boom'))).toEqual({ key: 'errors.UNKNOWN_ERROR' });
  });
});

describe('what an unsent message says', () => {
  test('sending, waiting for the network, waiting for slow mode, paused, refused', () => {
    expect(outboxNotice(entry(), true, 0).state).toBe('sending');
    expect(outboxNotice(entry(), false, 0)).toEqual({ state: 'unsent', said: { key: 'dialogues.outbox.queued' } });
    expect(outboxNotice(entry({ lastError: 'NETWORK_ERROR', attempts: 3 }), false, 0)).toEqual({ state: 'unsent', said: { key: 'dialogues.outbox.willRetry' } });
    expect(outboxNotice(entry({ lastError: 'SLOW_MODE', notBefore: 10_500 }), false, 1_000).said).toEqual({ key: 'dialogues.outbox.waitSeconds', values: { seconds: 10 } });
    expect(outboxNotice(entry({ lastError: 'DIALOGUE_PAUSED' }), false, 0).said.key).toBe('dialogues.outbox.paused');
    expect(outboxNotice(entry({ lastError: 'MESSAGE_BLOCKED', attempts: 1 }), false, 0)).toEqual({ state: 'refused', said: { key: 'dialogues.problems.blocked' } });
    expect(outboxNotice(entry({ lastError: 'MESSAGE_BLOCKED', lastDetails: { words: ['idiot'] }, attempts: 1 }), false, 0).said).toEqual({
      key: 'dialogues.problems.blockedWords',
      values: { words: '“idiot”' },
    });
  });
});

describe('views, times and defaults', () => {
  test('families and returnees get the simple view, professionals the full one', () => {
    expect(usesSimpleView('family')).toBe(true);
    expect(usesSimpleView('returnee')).toBe(true);
    expect(usesSimpleView('practitioner')).toBe(false);
    expect(usesSimpleView('facilitator')).toBe(false);
    expect(usesSimpleView(undefined)).toBe(false);
  });

  test('a time today is only hours and minutes; another day has the date', () => {
    const now = new Date(2026, 2, 12, 18, 0);
    expect(formatMessageTime(new Date(2026, 2, 12, 14, 5).toISOString(), 'nl', now)).toBe('14:05');
    expect(formatMessageTime(new Date(2026, 2, 10, 14, 5).toISOString(), 'en', now)).toMatch(/10 March.*14:05/);
    expect(formatMessageTime(new Date(2025, 2, 10, 14, 5).toISOString(), 'fr', now)).toMatch(/2025/);
    expect(formatMessageTime('nonsense', 'fr', now)).toBe('');
  });

  test('default ground rules come in each language of the dialogue, the UI language first', () => {
    const textIn = (l: string) => `rules-${l}`;
    expect(defaultGroundRules(['nl', 'fr'], 'fr', textIn)).toBe('rules-fr\n\nrules-nl');
    expect(defaultGroundRules(['nl'], 'en', textIn)).toBe('rules-nl');
  });

  test('slow mode choices read as seconds or minutes', () => {
    expect(slowModeParts(30)).toEqual({ key: 'dialogues.slowMode.seconds', values: { count: 30 } });
    expect(slowModeParts(120)).toEqual({ key: 'dialogues.slowMode.minutes', values: { count: 2 } });
    expect(slowModeParts(0)).toEqual({ key: 'dialogues.slowMode.off' });
  });
});

describe('composing', () => {
  const participants = [
    { memberId: 'm-1', displayName: 'Nadia' },
    { memberId: 'm-2', displayName: 'Jan Peeters' },
    { memberId: 'm-3', displayName: 'Jan' },
  ];

  test('mention targets leave me out', () => {
    expect(mentionTargets(participants, 'm-1').map((t) => t.userId)).toEqual(['m-2', 'm-3']);
  });

  test('mentions are the member ids of the @names still in the text, each once, the longest name first', () => {
    const targets = mentionTargets(participants);
    expect(mentionedMemberIds('Merci @Jan Peeters et @Nadia, @Nadia!', targets)).toEqual(['m-2', 'm-1']);
    expect(mentionedMemberIds('Merci Nadia', targets)).toEqual([]);
  });

  test('of two people with the same name, the one picked from the suggestions is mentioned', () => {
    const twins = mentionTargets([
      { memberId: 'm-a', displayName: 'Mama R.' },
      { memberId: 'm-b', displayName: 'Mama R.' },
    ]);
    expect(mentionedMemberIds('Dag @Mama R.', twins)).toEqual(['m-a']);
    expect(mentionedMemberIds('Dag @Mama R.', twins, ['m-b'])).toEqual(['m-b']);
  });

  test('a body is cut into text and the mentions it carries', () => {
    expect(bodySegments('Dag @Nadia!', [{ memberId: 'm-1', displayName: 'Nadia' }])).toEqual([
      { text: 'Dag ', mention: null },
      { text: '@Nadia', mention: 'm-1' },
      { text: '!', mention: null },
    ]);
  });

  test('quotes are one short line', () => {
    expect(shortQuote('  a\n\nb  ')).toBe('a b');
    expect(shortQuote('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  test('control characters of pasted text are dropped before sending (tab and line breaks stay)', () => {
    expect(cleanBody(' a\u0000b\u000bc\td\ne ')).toBe('abc\td\ne');
    expect(draftProblem('\u0007')).toBe('empty');
  });

  test('a draft must hold text, within the limit', () => {
    expect(draftProblem('   ')).toBe('empty');
    expect(draftProblem('x'.repeat(2001))).toBe('tooLong');
    expect(draftProblem('Bonjour')).toBeNull();
  });
});
