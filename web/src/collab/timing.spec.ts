import { describe, expect, test } from '@jest/globals';
import * as Y from 'yjs';
import { Throttle, UpdateBatcher, backoffDelay, type Timers } from './timing.js';

/** Timers driven by hand. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        pending.delete(id);
        t.fn();
      }
    }
  };
  return { timers, advance, pendingCount: () => pending.size };
}

describe('UpdateBatcher', () => {
  test('updates of one tick leave as one merged update that rebuilds the same document', () => {
    const { timers, advance } = manualTimers();
    const sent: Uint8Array[] = [];
    const batcher = new UpdateBatcher((u) => sent.push(u), timers);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => batcher.add(u));
    for (const ch of 'typing') doc.getText('t').insert(doc.getText('t').length, ch);
    expect(sent).toHaveLength(0);
    advance(0);
    expect(sent).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, sent[0]!);
    expect(copy.getText('t').toString()).toBe('typing');
  });

  test('clear drops what is waiting and nothing is sent', () => {
    const { timers, advance } = manualTimers();
    const sent: Uint8Array[] = [];
    const batcher = new UpdateBatcher((u) => sent.push(u), timers);
    batcher.add(Y.encodeStateAsUpdate(new Y.Doc()));
    batcher.clear();
    advance(10);
    expect(sent).toHaveLength(0);
    expect(batcher.size).toBe(0);
  });
});

describe('Throttle', () => {
  test('runs at once, then folds the calls of the next interval into one trailing run', () => {
    const { timers, advance } = manualTimers();
    let runs = 0;
    const throttle = new Throttle(() => runs++, 100, timers);
    throttle.call();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) {
      advance(5);
      throttle.call();
    }
    expect(runs).toBe(1);
    advance(60);
    expect(runs).toBe(2);
    advance(1000);
    expect(runs).toBe(2);
  });

  test('runs are always at least the interval apart however often it is called', () => {
    const { timers, advance } = manualTimers();
    const times: number[] = [];
    const throttle = new Throttle(() => times.push(timers.now()), 100, timers);
    for (let ms = 0; ms < 1000; ms++) {
      throttle.call();
      advance(1);
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(times.filter((t) => t < 1000).length).toBe(10);
  });

  test('cancel drops the trailing run', () => {
    const { timers, advance } = manualTimers();
    let runs = 0;
    const throttle = new Throttle(() => runs++, 100, timers);
    throttle.call();
    throttle.call();
    throttle.cancel();
    advance(500);
    expect(runs).toBe(1);
  });
});

test('backoff doubles from 1 s and stops at 30 s', () => {
  expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 30000]);
});
