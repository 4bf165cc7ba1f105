import { describe, expect, test } from '@jest/globals';
import { message, page } from './testFactory.js';
import { EMPTY_THREAD, applyMessage, applyPage, describeChanges, myClientIds, needsFetch, orderedMessages } from './thread.js';

describe('merging pages of messages', () => {
  test('a first page loads the thread and sets its rev', () => {
    const state = applyPage(EMPTY_THREAD, page([message(1), message(2)]));
    expect(state.loaded).toBe(true);
    expect(state.rev).toBe(2);
    expect(orderedMessages(state).map((m) => m.seq)).toEqual([1, 2]);
  });

  test('an empty first page still marks the thread loaded, at the page rev', () => {
    const state = applyPage(EMPTY_THREAD, page([], 0));
    expect(state.loaded).toBe(true);
    expect(state.byId.size).toBe(0);
  });

  test('a newer change of a message replaces the one held (approved, then erased)', () => {
    let state = applyPage(EMPTY_THREAD, page([message(1, { status: 'pending', rev: 1 })]));
    state = applyPage(state, page([message(1, { status: 'published', rev: 5 })]));
    expect(state.byId.get(message(1).id)?.status).toBe('published');
    state = applyPage(state, page([message(1, { status: 'erased', author: null, body: null, rev: 9 })]));
    const held = state.byId.get(message(1).id);
    expect(held?.status).toBe('erased');
    expect(held?.body).toBeNull();
    expect(state.byId.size).toBe(1);
  });

  test('an older copy arriving late never undoes a newer one', () => {
    let state = applyPage(EMPTY_THREAD, page([message(1, { status: 'hidden', rev: 7 })]));
    state = applyMessage(state, message(1, { status: 'published', rev: 3 }));
    expect(state.byId.get(message(1).id)?.status).toBe('hidden');
  });

  test('the same message twice (a page and a send answer) is held once', () => {
    const mine = message(4, { mine: true, clientId: 'c-1', rev: 4 });
    let state = applyPage(EMPTY_THREAD, page([message(1), message(2), message(3)]));
    state = applyMessage(state, mine);
    state = applyPage(state, page([mine], 4));
    expect(orderedMessages(state).filter((m) => m.clientId === 'c-1')).toHaveLength(1);
    expect(state.byId.size).toBe(4);
  });

  test('a single message (an action answer) never moves the rev to fetch since', () => {
    let state = applyPage(EMPTY_THREAD, page([message(1)], 1));
    state = applyMessage(state, message(9, { rev: 9 }));
    expect(state.rev).toBe(1);
    expect(needsFetch(state, 9)).toBe(true);
  });

  test('the rev never goes back when an older page is applied after a newer one', () => {
    let state = applyPage(EMPTY_THREAD, page([message(1), message(2)], 12));
    state = applyPage(state, page([message(1)], 4));
    expect(state.rev).toBe(12);
  });

  test('nothing changed gives the same state object (no re-render)', () => {
    const state = applyPage(EMPTY_THREAD, page([message(1)], 1));
    expect(applyPage(state, page([], 1))).toBe(state);
    expect(applyMessage(state, message(1))).toBe(state);
  });

  test('messages are shown in the order they were written, whatever the order of their changes', () => {
    const state = applyPage(EMPTY_THREAD, page([message(3, { rev: 3 }), message(1, { rev: 8 }), message(2, { rev: 5 })], 8));
    expect(orderedMessages(state).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  test('a notice about a rev already held needs no fetch; a newer one or none does', () => {
    const state = applyPage(EMPTY_THREAD, page([message(1), message(2)], 2));
    expect(needsFetch(state, 2)).toBe(false);
    expect(needsFetch(state, 1)).toBe(false);
    expect(needsFetch(state, 3)).toBe(true);
    expect(needsFetch(state, undefined)).toBe(true);
  });

  test('my client ids are those of my own messages the server holds', () => {
    const state = applyPage(EMPTY_THREAD, page([message(1), message(2, { mine: true, clientId: 'c-2' }), message(3, { mine: true, clientId: null })]));
    expect([...myClientIds(state)]).toEqual(['c-2']);
  });
});

describe('what to announce after a merge', () => {
  const loaded = applyPage(EMPTY_THREAD, page([message(1), message(2, { mine: true, status: 'pending' }), message(3, { mine: true, status: 'pending' })], 3));

  test('nothing on the first load', () => {
    expect(describeChanges(EMPTY_THREAD, loaded)).toEqual({ arrived: [], myApproved: [], myRejected: [], mySent: [] });
  });

  test("others' new published messages, in order; not my own new ones", () => {
    const after = applyPage(loaded, page([message(5), message(4), message(6, { mine: true })], 6));
    const changes = describeChanges(loaded, after);
    expect(changes.arrived.map((m) => m.seq)).toEqual([4, 5]);
    expect(changes.mySent.map((m) => m.seq)).toEqual([6]);
  });

  test("an approved message of someone else arrives; a restored or reacted one does not", () => {
    const before = applyPage(loaded, page([message(4, { status: 'pending' }), message(5, { status: 'hidden' })], 5));
    const after = applyPage(before, page([message(4, { rev: 7 }), message(5, { rev: 8 }), message(1, { rev: 9, reactions: { heart: 1 } })], 9));
    expect(describeChanges(before, after).arrived.map((m) => m.seq)).toEqual([4]);
  });

  test('my messages approved and rejected by a moderator', () => {
    const after = applyPage(loaded, page([message(2, { mine: true, rev: 7 }), message(3, { mine: true, status: 'rejected', rejectReason: 'Names', rev: 8 })], 8));
    const changes = describeChanges(loaded, after);
    expect(changes.myApproved.map((m) => m.seq)).toEqual([2]);
    expect(changes.myRejected.map((m) => m.seq)).toEqual([3]);
  });
});
