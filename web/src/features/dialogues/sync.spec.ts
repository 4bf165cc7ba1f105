import { describe, expect, test } from '@jest/globals';
import type { DialogueMessage, MessagesPage } from '@relab/shared';
import { MessageSync, ThreadStore } from './sync.js';
import { message, page } from './testFactory.js';
import { orderedMessages } from './thread.js';

/** A fake server: a log of changes (each a message copy with its rev), answering `since` in pages of `pageSize`. */
function fakeServer(pageSize = 2) {
  const log: DialogueMessage[] = [];
  const calls: number[] = [];
  const pending: Array<() => void> = [];
  let hold = false;
  let failNext = 0;
  const answer = (since: number): MessagesPage => {
    const after = log.filter((m) => m.rev > since).sort((a, b) => a.rev - b.rev);
    const latest = new Map<string, DialogueMessage>();
    for (const m of after) latest.set(m.id, m);
    const changes = [...latest.values()].sort((a, b) => a.rev - b.rev);
    const slice = changes.slice(0, pageSize);
    const rev = slice.length ? slice[slice.length - 1].rev : since;
    return { messages: slice, rev, more: changes.length > pageSize };
  };
  return {
    log,
    calls,
    write: (m: DialogueMessage) => log.push(m),
    holdAnswers: (on: boolean) => {
      hold = on;
      if (!on) pending.splice(0).forEach((go) => go());
    },
    failTimes: (n: number) => {
      failNext = n;
    },
    fetchPage: (since: number) =>
      new Promise<MessagesPage>((resolve, reject) => {
        calls.push(since);
        const go = () => {
          if (failNext > 0) {
            failNext--;
            reject(new Error('offline'));
          } else resolve(answer(since));
        };
        if (hold) pending.push(go);
        else go();
      }),
  };
}

function setup(pageSize = 2) {
  const server = fakeServer(pageSize);
  const store = new ThreadStore();
  const timers: Array<{ fn: () => void; ms: number }> = [];
  let synced = 0;
  const sync = new MessageSync({
    store,
    fetchPage: server.fetchPage,
    onSynced: () => synced++,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => timers.splice(0),
  });
  return { server, store, sync, timers, synced: () => synced };
}

describe('keeping the thread in sync', () => {
  test('fetches page after page while the server says there is more', async () => {
    const { server, store, sync } = setup(2);
    for (let i = 1; i <= 5; i++) server.write(message(i));
    await sync.request();
    expect(server.calls).toEqual([0, 2, 4]);
    expect(orderedMessages(store.getState()).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(store.getState().rev).toBe(5);
  });

  test('after a reconnect it asks only for what changed since the highest rev it holds', async () => {
    const { server, store, sync } = setup(10);
    server.write(message(1));
    server.write(message(2));
    await sync.request();
    server.write(message(3));
    server.write(message(1, { status: 'hidden', rev: 4 }));
    await sync.request();
    expect(server.calls).toEqual([0, 2]);
    expect(store.getState().byId.get(message(1).id)?.status).toBe('hidden');
    expect(store.getState().byId.size).toBe(3);
  });

  test('a notice during a fetch asks for one more round, and nothing is lost or doubled', async () => {
    const { server, store, sync } = setup(10);
    server.write(message(1));
    server.holdAnswers(true);
    const first = sync.request(1);
    server.write(message(2));
    void sync.request(2);
    server.write(message(3));
    void sync.request(3);
    server.holdAnswers(false);
    await first;
    await sync.request(3);
    expect(server.calls.length).toBe(2);
    expect(orderedMessages(store.getState()).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  test('only one fetch runs at a time', async () => {
    const { server, sync } = setup(10);
    server.write(message(1));
    server.holdAnswers(true);
    void sync.request();
    void sync.request();
    void sync.request();
    expect(server.calls).toEqual([0]);
    server.holdAnswers(false);
    await sync.request();
  });

  test('a notice about a rev already held fetches nothing', async () => {
    const { server, sync } = setup(10);
    server.write(message(1));
    server.write(message(2));
    await sync.request();
    await sync.request(2);
    await sync.request(1);
    expect(server.calls).toEqual([0]);
  });

  test('a failed fetch is tried again on a timer, and then catches up', async () => {
    const { server, store, sync, timers } = setup(10);
    server.write(message(1));
    server.failTimes(1);
    await sync.request();
    expect(store.getState().loaded).toBe(false);
    expect(timers).toHaveLength(1);
    expect(timers[0].ms).toBe(1000);
    timers[0].fn();
    await sync.request(1);
    expect(store.getState().rev).toBe(1);
  });

  test('a page that claims more but does not move forward stops instead of looping', async () => {
    const store = new ThreadStore();
    let calls = 0;
    const sync = new MessageSync({
      store,
      fetchPage: async () => {
        calls++;
        return page([], 0, true);
      },
    });
    await sync.request();
    expect(calls).toBe(1);
  });

  test('after stop, late answers are dropped', async () => {
    const { server, store, sync } = setup(10);
    server.write(message(1));
    server.holdAnswers(true);
    const running = sync.request();
    sync.stop();
    server.holdAnswers(false);
    await running;
    expect(store.getState().loaded).toBe(false);
  });

  test('says when it is in sync', async () => {
    const { server, sync, synced } = setup(10);
    server.write(message(1));
    await sync.request();
    expect(synced()).toBe(1);
  });

  test('the store tells listeners the state before and after each change', async () => {
    const { server, store, sync } = setup(10);
    const seen: Array<[number, number]> = [];
    store.onChange((before, after) => seen.push([before.byId.size, after.byId.size]));
    server.write(message(1));
    await sync.request();
    store.applyMessage(message(2));
    store.applyMessage(message(2));
    expect(seen).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
