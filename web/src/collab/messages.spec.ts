import { describe, expect, test } from '@jest/globals';
import { Y_MESSAGE, Y_SYNC } from '@relab/shared';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  applySyncMessage,
  base64ToBytes,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  toBytes,
  toWire,
} from './messages.js';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('collab messages', () => {
  test('a sync step 1 is framed [0, 0, state vector] and carries the doc state vector', () => {
    const doc = docWith('hello');
    const bytes = encodeSyncStep1(doc);
    expect([bytes[0], bytes[1]]).toEqual([Y_MESSAGE.sync, Y_SYNC.step1]);
    const decoded = decodeMessage(bytes);
    expect(decoded).toEqual({ kind: 'sync', syncType: Y_SYNC.step1, payload: Y.encodeStateVector(doc) });
  });

  test('an update is framed [0, 2, update] and applies to another doc', () => {
    const source = docWith('abc');
    const bytes = encodeUpdate(Y.encodeStateAsUpdate(source));
    expect([bytes[0], bytes[1]]).toEqual([Y_MESSAGE.sync, Y_SYNC.update]);
    const target = new Y.Doc();
    const decoded = decodeMessage(bytes);
    if (decoded.kind !== 'sync') throw new Error('not a sync message');
    expect(applySyncMessage(target, decoded, 'remote')).toBeNull();
    expect(target.getText('t').toString()).toBe('abc');
  });

  test('answering a step 1 gives a step 2 with exactly what the other side lacks', () => {
    const server = docWith('shared');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').insert(6, ' + offline');
    const step1 = decodeMessage(encodeSyncStep1(server));
    if (step1.kind !== 'sync') throw new Error('not a sync message');
    const answer = applySyncMessage(client, step1, 'x');
    expect(answer).not.toBeNull();
    const step2 = decodeMessage(answer!);
    expect(step2).toMatchObject({ kind: 'sync', syncType: Y_SYNC.step2 });
    if (step2.kind !== 'sync') throw new Error('not a sync message');
    applySyncMessage(server, step2, 'client');
    expect(server.getText('t').toString()).toBe('shared + offline');
    // the answer does not resend what the server already had
    expect(step2.payload.byteLength).toBeLessThan(Y.encodeStateAsUpdate(client).byteLength);
  });

  test('applying a remote update keeps the given origin, so the provider can skip echoing it', () => {
    const target = new Y.Doc();
    const origins: unknown[] = [];
    target.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const decoded = decodeMessage(encodeSyncStep2(docWith('x')));
    if (decoded.kind !== 'sync') throw new Error('not a sync message');
    const provider = { name: 'provider' };
    applySyncMessage(target, decoded, provider);
    expect(origins).toEqual([provider]);
  });

  test('an awareness message is framed [1, update] and decodes back to the same update', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ cursor: 1 });
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const bytes = encodeAwareness(update);
    expect(bytes[0]).toBe(Y_MESSAGE.awareness);
    expect(decodeMessage(bytes)).toEqual({ kind: 'awareness', update });
    awareness.destroy();
  });

  test('an unknown message type is reported as unknown, a truncated one throws', () => {
    expect(decodeMessage(new Uint8Array([7, 1, 2]))).toEqual({ kind: 'unknown', messageType: 7 });
    expect(() => decodeMessage(new Uint8Array([0, 2, 10, 1]))).toThrow();
  });

  test('toWire gives exactly the bytes of a view into a larger buffer (a Buffer in Node, so msgpack sends bin)', () => {
    const big = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const wire = toWire(big.subarray(2, 5));
    expect(Buffer.isBuffer(wire)).toBe(true);
    expect([...new Uint8Array(wire as Uint8Array)]).toEqual([1, 2, 3]);
  });

  test('toWire without Buffer (the browser) gives an ArrayBuffer of exactly the bytes', () => {
    const saved = globalThis.Buffer;
    try {
      // @ts-expect-error: simulating the browser, which has no Buffer
      delete globalThis.Buffer;
      const wire = toWire(new Uint8Array([9, 1, 2, 9]).subarray(1, 3));
      expect(wire).toBeInstanceOf(ArrayBuffer);
      expect([...new Uint8Array(wire as ArrayBuffer)]).toEqual([1, 2]);
    } finally {
      globalThis.Buffer = saved;
    }
  });

  test('toBytes accepts every shape msgpack delivers: ArrayBuffer, Buffer, a view, and the browser [0, ArrayBuffer] ext', () => {
    expect([...toBytes(new Uint8Array([1, 2]).buffer)!]).toEqual([1, 2]);
    expect([...toBytes(Buffer.from([3, 4]))!]).toEqual([3, 4]);
    expect([...toBytes(new DataView(new Uint8Array([0, 5, 6]).buffer, 1))!]).toEqual([5, 6]);
    expect([...toBytes([0, new Uint8Array([7, 8]).buffer])!]).toEqual([7, 8]);
    expect(toBytes([1, new Uint8Array([7]).buffer])).toBeNull();
    expect(toBytes('not bytes')).toBeNull();
    expect(toBytes({ 0: 1 })).toBeNull();
  });

  test('base64ToBytes decodes a version state back into a Yjs update', () => {
    const update = Y.encodeStateAsUpdate(docWith('version text'));
    const base64 = Buffer.from(update).toString('base64');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base64ToBytes(base64));
    expect(doc.getText('t').toString()).toBe('version text');
  });
});
