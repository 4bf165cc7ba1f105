import { describe, expect, test } from '@jest/globals';
import { EditorState } from '@tiptap/pm/state';
import { REFLECTION_LIMITS, commentKeys } from '@relab/shared';
import { commentHighlightKey, commentHighlightPlugin } from '../editor/CommentMark.js';
import { comment, doc, p, schema } from '../editor/testSchema.js';
import {
  assembleThreads,
  commentAnchors,
  insertMention,
  mentionQueryAt,
  mentionSegments,
  mentionSuggestions,
  mentionsIn,
  newId,
  orderThreads,
  quoteOf,
} from './threads.js';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const R1 = '33333333-3333-4333-8333-333333333333';
const R2 = '44444444-4444-4444-8444-444444444444';
const ANN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BOB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const thread = (id: string, createdAt: string, extra: object = {}) => ({
  id,
  authorId: ANN,
  authorName: 'Ann',
  body: 'Klopt dit?',
  mentions: [],
  quote: 'de woning',
  createdAt,
  ...extra,
});
const reply = (id: string, threadId: string, createdAt: string) => ({
  id,
  threadId,
  authorId: BOB,
  authorName: 'Bob',
  body: 'Ja.',
  mentions: [],
  createdAt,
});

describe('assembling threads from the comments map', () => {
  test('threads with their replies (oldest first) and resolution; broken entries are ignored', () => {
    const entries: Array<[unknown, unknown]> = [
      [commentKeys.reply(T1, R2), reply(R2, T1, '2026-03-01T10:05:00.000Z')],
      [commentKeys.thread(T2), thread(T2, '2026-03-01T11:00:00.000Z')],
      [commentKeys.thread(T1), thread(T1, '2026-03-01T10:00:00.000Z')],
      [commentKeys.reply(T1, R1), reply(R1, T1, '2026-03-01T10:01:00.000Z')],
      [commentKeys.resolution(T2), { threadId: T2, resolved: true, authorId: BOB, at: '2026-03-01T12:00:00.000Z' }],
      // broken: wrong id in the key, unknown fields, a reply without its thread, not even a string key
      [commentKeys.thread(R1), thread(T1, '2026-03-01T10:00:00.000Z')],
      [commentKeys.thread(R2), { ...thread(R2, '2026-03-01T10:00:00.000Z'), extra: 1 }],
      [commentKeys.reply(R2, R1), reply(R1, R2, '2026-03-01T10:00:00.000Z')],
      [42, thread(T1, '2026-03-01T10:00:00.000Z')],
      ['x:y', 'z'],
    ];
    const threads = assembleThreads(entries);
    expect(threads.map((t) => t.thread.id)).toEqual([T1, T2]);
    expect(threads[0].replies.map((r) => r.id)).toEqual([R1, R2]);
    expect(threads[0].resolved).toBe(false);
    expect(threads[0].resolution).toBeNull();
    expect(threads[1].resolved).toBe(true);
    expect(threads[1].resolution?.authorId).toBe(BOB);
  });

  test('a reopened thread is not resolved', () => {
    const threads = assembleThreads([
      [commentKeys.thread(T1), thread(T1, '2026-03-01T10:00:00.000Z')],
      [commentKeys.resolution(T1), { threadId: T1, resolved: false, authorId: ANN, at: '2026-03-01T12:00:00.000Z' }],
    ]);
    expect(threads[0].resolved).toBe(false);
  });
});

describe('anchors and order', () => {
  const d = doc(p('Eerst ', comment('de woning', T2), ' en dan ', comment('het werk', T1)), p(comment('nog ', T2), 'iets'));

  test('each thread anchors at its first marked text', () => {
    const anchors = commentAnchors(d);
    expect(d.textBetween(anchors.get(T2)!.from, anchors.get(T2)!.to)).toBe('de woning');
    expect(d.textBetween(anchors.get(T1)!.from, anchors.get(T1)!.to)).toBe('het werk');
  });

  test('threads follow the text; threads whose text is gone come last', () => {
    const threads = assembleThreads([
      [commentKeys.thread(T1), thread(T1, '2026-03-01T10:00:00.000Z')],
      [commentKeys.thread(T2), thread(T2, '2026-03-01T11:00:00.000Z')],
      [commentKeys.thread(R1), thread(R1, '2026-03-01T09:00:00.000Z')],
    ]);
    const positions = new Map([...commentAnchors(d)].map(([id, r]) => [id, r.from]));
    expect(orderThreads(threads, positions).map((t) => t.thread.id)).toEqual([T2, T1, R1]);
  });

  test('open threads are highlighted, resolved ones not; the chosen one is marked active', () => {
    let state = EditorState.create({ doc: d, schema, plugins: [commentHighlightPlugin()] });
    const highlighted = () =>
      commentHighlightKey
        .getState(state)!
        .decorations.find()
        .map((x) => [state.doc.textBetween(x.from, x.to), (x as unknown as { type: { attrs: { class: string } } }).type.attrs.class]);
    expect(highlighted()).toEqual([
      ['de woning', 'comment-open'],
      ['het werk', 'comment-open'],
      ['nog ', 'comment-open'],
    ]);
    state = state.apply(state.tr.setMeta(commentHighlightKey, { resolved: new Set([T2]) }));
    expect(highlighted()).toEqual([['het werk', 'comment-open']]);
    state = state.apply(state.tr.setMeta(commentHighlightKey, { active: T2 }));
    expect(highlighted()).toEqual([
      ['de woning', 'comment-active'],
      ['het werk', 'comment-open'],
      ['nog ', 'comment-active'],
    ]);
  });
});

describe('@mentions', () => {
  const members = [
    { userId: ANN, displayName: 'Jan' },
    { userId: BOB, displayName: 'Jan Peeters' },
    { userId: T1, displayName: 'Fatima Idrissi' },
  ];

  test('the query being typed after an @', () => {
    expect(mentionQueryAt('Zie @Fa', 7)).toEqual({ start: 4, query: 'Fa' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail@example.be', 15)).toBeNull();
    expect(mentionQueryAt('Zie @Fa\nen', 10)).toBeNull();
    expect(mentionQueryAt('geen', 4)).toBeNull();
  });

  test('suggestions by the start of the name or of a word of it', () => {
    expect(mentionSuggestions(members, 'pee').map((m) => m.displayName)).toEqual(['Jan Peeters']);
    expect(mentionSuggestions(members, 'jan').map((m) => m.displayName)).toEqual(['Jan', 'Jan Peeters']);
    expect(mentionSuggestions(members, '').length).toBe(3);
    expect(mentionSuggestions(members, 'x')).toEqual([]);
  });

  test('picking a suggestion writes the whole name', () => {
    expect(insertMention('Zie @Fa hier', 4, 7, 'Fatima Idrissi')).toEqual({ text: 'Zie @Fatima Idrissi hier', caret: 20 });
  });

  test('mentions are the members named with @, the longest name winning, each once', () => {
    expect(mentionsIn('@Jan Peeters en @jan, en nog eens @Jan Peeters. mail@Jan niet', members)).toEqual([BOB, ANN]);
    expect(mentionsIn('Geen vermelding van Jan', members)).toEqual([]);
  });

  test('segments highlight the mentions of a body', () => {
    expect(mentionSegments('Vraag aan @Fatima Idrissi: ok?', members)).toEqual([
      { text: 'Vraag aan ', mention: null },
      { text: '@Fatima Idrissi', mention: T1 },
      { text: ': ok?', mention: null },
    ]);
  });
});

describe('small helpers', () => {
  test('quotes are flattened and shortened to the schema limit', () => {
    expect(quoteOf('  de\n woning  ')).toBe('de woning');
    const long = quoteOf('x'.repeat(1000));
    expect(long.length).toBe(REFLECTION_LIMITS.commentQuote);
    expect(long.endsWith('…')).toBe(true);
  });

  test('ids are UUID v4, also without crypto.randomUUID', () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newId()).toMatch(v4);
    expect(newId((b) => b.fill(255))).toMatch(v4);
    expect(newId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
