import { describe, expect, test } from '@jest/globals';
import type { DialogueMessage, SendMessageRequest } from '@relab/shared';
import { ApiError } from '../../lib/api.js';
import { OUTBOX_MAX, Outbox, clearOutboxes, memoryStorage, outboxKey, parseOutbox, type OutboxEntry } from './outbox.js';
import { OutboxSender, backoffMs, isRefused, isRetryable } from './sender.js';
import { message } from './testFactory.js';

const USER = 'user-1';
const DIALOGUE = 'dialogue-1';

function entry(n: number, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    clientId: `client-${n}`,
    body: `Bonjour ${n}`,
    language: 'fr',
    replyTo: null,
    mentions: [],
    createdAt: new Date(Date.UTC(2026, 2, 12, 10, 0, n)).toISOString(),
    attempts: 0,
    lastError: null,
    notBefore: null,
    ...patch,
  };
}

/** A fake transport: answers each POST with a stored message, or throws what `fail` says for that try. */
function transport(fail: (request: SendMessageRequest, attempt: number) => unknown = () => null) {
  const requests: SendMessageRequest[] = [];
  const stored = new Map<string, DialogueMessage>();
  let seq = 0;
  return {
    requests,
    stored,
    send: async (request: SendMessageRequest) => {
      requests.push(request);
      const error = fail(request, requests.filter((r) => r.clientId === request.clientId).length);
      if (error) throw error;
      let m = stored.get(request.clientId);
      if (!m) {
        seq++;
        m = message(seq, { mine: true, clientId: request.clientId, body: request.body, status: 'pending' });
        stored.set(request.clientId, m);
      }
      return m;
    },
  };
}

function setup(fail?: (request: SendMessageRequest, attempt: number) => unknown, now = () => 1_000_000) {
  const storage = memoryStorage();
  const outbox = new Outbox(storage, USER, DIALOGUE);
  const server = transport(fail);
  const shown: DialogueMessage[] = [];
  const sender = new OutboxSender({ outbox, send: server.send, onSent: (m) => shown.push(m), now });
  return { storage, outbox, server, shown, sender };
}

describe('the outbox', () => {
  test('keeps messages per user and dialogue, in the order they were written', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, USER, DIALOGUE);
    outbox.add(entry(2));
    outbox.add(entry(1));
    expect(outbox.list().map((e) => e.clientId)).toEqual(['client-1', 'client-2']);
    expect(new Outbox(storage, 'user-2', DIALOGUE).list()).toEqual([]);
    expect(new Outbox(storage, USER, 'dialogue-2').list()).toEqual([]);
  });

  test('survives a reload (a new Outbox on the same storage sees the same messages)', () => {
    const storage = memoryStorage();
    new Outbox(storage, USER, DIALOGUE).add(entry(1));
    expect(new Outbox(storage, USER, DIALOGUE).get('client-1')?.body).toBe('Bonjour 1');
  });

  test('refuses the same client id twice, and more than its maximum', () => {
    const outbox = new Outbox(memoryStorage(), USER, DIALOGUE);
    expect(outbox.add(entry(1))).toBe(true);
    expect(outbox.add(entry(1))).toBe(false);
    for (let i = 2; i <= OUTBOX_MAX; i++) outbox.add(entry(i));
    expect(outbox.add(entry(OUTBOX_MAX + 1))).toBe(false);
  });

  test('removes its storage key once empty', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, USER, DIALOGUE);
    outbox.add(entry(1));
    outbox.remove('client-1');
    expect(storage.getItem(outboxKey(USER, DIALOGUE))).toBeNull();
  });

  test('an update never brings back an entry acknowledged meanwhile', () => {
    const outbox = new Outbox(memoryStorage(), USER, DIALOGUE);
    outbox.add(entry(1));
    outbox.remove('client-1');
    outbox.update('client-1', { lastError: 'NETWORK_ERROR' });
    expect(outbox.list()).toEqual([]);
  });

  test('drops what the server already holds (found among my fetched messages)', () => {
    const outbox = new Outbox(memoryStorage(), USER, DIALOGUE);
    outbox.add(entry(1));
    outbox.add(entry(2));
    expect(outbox.reconcile(new Set(['client-1', 'other']))).toBe(1);
    expect(outbox.list().map((e) => e.clientId)).toEqual(['client-2']);
  });

  test('reads a damaged or foreign value as empty, and skips malformed entries', () => {
    expect(parseOutbox('not json')).toEqual([]);
    expect(parseOutbox('{"a":1}')).toEqual([]);
    expect(parseOutbox(JSON.stringify([entry(1), { clientId: 3 }, { ...entry(2), language: 'de' }, entry(1)])).map((e) => e.clientId)).toEqual(['client-1']);
  });

  test('logout wipes the outboxes of that user only', () => {
    const storage = memoryStorage();
    new Outbox(storage, USER, 'd-1').add(entry(1));
    new Outbox(storage, USER, 'd-2').add(entry(2));
    new Outbox(storage, 'user-2', 'd-1').add(entry(3));
    storage.setItem('relab.language', 'fr');
    clearOutboxes(storage, USER);
    expect(new Outbox(storage, USER, 'd-1').list()).toEqual([]);
    expect(new Outbox(storage, USER, 'd-2').list()).toEqual([]);
    expect(new Outbox(storage, 'user-2', 'd-1').list()).toHaveLength(1);
    expect(storage.getItem('relab.language')).toBe('fr');
  });
});

describe('sending the outbox', () => {
  test('sends oldest first and removes each message once the server acknowledged it', async () => {
    const { outbox, server, shown, sender } = setup();
    outbox.add(entry(1));
    outbox.add(entry(2));
    const result = await sender.flush();
    expect(result).toEqual({ sent: 2, retryInMs: null });
    expect(server.requests.map((r) => r.clientId)).toEqual(['client-1', 'client-2']);
    expect(shown.map((m) => m.clientId)).toEqual(['client-1', 'client-2']);
    expect(outbox.list()).toEqual([]);
  });

  test('offline: the message stays, and the retry uses the same client id; the server stores it once', async () => {
    let online = false;
    const { outbox, server, sender } = setup(() => (online ? null : new ApiError('NETWORK_ERROR', 0)));
    outbox.add(entry(1));
    const first = await sender.flush();
    expect(first.sent).toBe(0);
    expect(first.retryInMs).toBe(backoffMs(1));
    expect(outbox.get('client-1')).toMatchObject({ attempts: 1, lastError: 'NETWORK_ERROR' });
    online = true;
    await sender.flush();
    expect(server.requests.map((r) => r.clientId)).toEqual(['client-1', 'client-1']);
    expect(server.stored.size).toBe(1);
    expect(outbox.list()).toEqual([]);
  });

  test('an answer lost on the way (stored, then the connection dropped) is retried and not doubled', async () => {
    const { outbox, server, shown } = setup();
    let calls = 0;
    const lossy = async (request: SendMessageRequest) => {
      const stored = await server.send(request);
      if (++calls === 1) throw new ApiError('NETWORK_ERROR', 0);
      return stored;
    };
    const sender = new OutboxSender({ outbox, send: lossy, onSent: (m) => shown.push(m) });
    outbox.add(entry(1));
    await sender.flush();
    expect(outbox.list()).toHaveLength(1);
    await sender.flush();
    expect(server.requests.map((r) => r.clientId)).toEqual(['client-1', 'client-1']);
    expect(server.stored.size).toBe(1);
    expect(shown).toHaveLength(1);
    expect(outbox.list()).toEqual([]);
  });

  test('a failure that may pass stops the round, so later messages never overtake it', async () => {
    const { outbox, server, sender } = setup((r) => (r.clientId === 'client-1' ? new ApiError('INTERNAL', 500) : null));
    outbox.add(entry(1));
    outbox.add(entry(2));
    await sender.flush();
    expect(server.requests.map((r) => r.clientId)).toEqual(['client-1']);
    expect(outbox.list()).toHaveLength(2);
  });

  test('a refusal only the author can fix is set aside; the next message still goes', async () => {
    const blocked = new ApiError('MESSAGE_BLOCKED', 422, { words: ['idiot'] });
    const { outbox, server, sender } = setup((r) => (r.clientId === 'client-1' ? blocked : null));
    outbox.add(entry(1));
    outbox.add(entry(2));
    const result = await sender.flush();
    expect(result.sent).toBe(1);
    expect(server.requests.map((r) => r.clientId)).toEqual(['client-1', 'client-2']);
    const left = outbox.list();
    expect(left.map((e) => e.clientId)).toEqual(['client-1']);
    expect(isRefused(left[0])).toBe(true);
    expect(left[0].lastDetails).toEqual({ words: ['idiot'] });
    await sender.flush();
    expect(server.requests).toHaveLength(2);
  });

  test('slow mode: waits as long as the server asks, then sends', async () => {
    let now = 1_000_000;
    const { outbox, server, sender } = setup(
      (_r, attempt) => (attempt === 1 ? new ApiError('SLOW_MODE', 429, { retryAfterSeconds: 12 }) : null),
      () => now,
    );
    outbox.add(entry(1));
    expect((await sender.flush()).retryInMs).toBe(12_000);
    now += 5_000;
    expect(await sender.flush()).toEqual({ sent: 0, retryInMs: 7_000 });
    expect(server.requests).toHaveLength(1);
    now += 7_000;
    expect((await sender.flush()).sent).toBe(1);
  });

  test('paused: kept with no timer; sent when the page flushes again after the dialogue resumes', async () => {
    let paused = true;
    const { outbox, sender } = setup(() => (paused ? new ApiError('DIALOGUE_PAUSED', 409, { reason: 'Break' }) : null));
    outbox.add(entry(1));
    expect(await sender.flush()).toEqual({ sent: 0, retryInMs: null });
    expect(isRefused(outbox.list()[0])).toBe(false);
    paused = false;
    expect((await sender.flush()).sent).toBe(1);
  });

  test('a call during a round asks for one more round instead of sending twice at once', async () => {
    const { outbox, server, sender } = setup();
    outbox.add(entry(1));
    const a = sender.flush();
    outbox.add(entry(2));
    const b = sender.flush();
    await Promise.all([a, b]);
    expect(server.requests.map((r) => r.clientId)).toEqual(['client-1', 'client-2']);
  });

  test('"Try again" makes a set-aside message due again', async () => {
    let broken = true;
    const { outbox, sender } = setup(() => (broken ? new ApiError('VALIDATION_FAILED', 400) : null));
    outbox.add(entry(1));
    await sender.flush();
    expect(isRefused(outbox.list()[0])).toBe(true);
    broken = false;
    await sender.retryNow('client-1');
    expect(outbox.list()).toEqual([]);
  });

  test('which failures are retried', () => {
    expect(isRetryable('NETWORK_ERROR', 1000)).toBe(true);
    expect(isRetryable('DIALOGUE_PAUSED', 1000)).toBe(true);
    expect(isRetryable('INTERNAL', 1)).toBe(true);
    expect(isRetryable('INTERNAL', 8)).toBe(false);
    expect(isRetryable('MESSAGE_BLOCKED')).toBe(false);
    expect(isRetryable('CLIENT_ID_REUSED')).toBe(false);
    expect(isRetryable(null)).toBe(true);
  });
});
