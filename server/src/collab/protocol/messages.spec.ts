import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { COLLAB_LIMITS } from '@relab/shared';
import { decodeAwareness, decodeMessage, encodeAwareness, encodeAwarenessEntries, encodeSyncStep1, encodeSyncStep2, encodeUpdate, ProtocolError } from './messages.js';

function bytes(...parts: Array<number | Uint8Array>): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeUint8(e, p);
    else encoding.writeUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

function varUint(n: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  return encoding.toUint8Array(e);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ProtocolError)) return `not a ProtocolError: ${String(e)}`;
    return e.code;
  }
  return 'no error';
}

function someUpdate(): Uint8Array {
  const d = new Y.Doc();
  d.getText('content').insert(0, 'hello');
  return Y.encodeStateAsUpdate(d);
}

describe('decodeMessage', () => {
  test('decodes what y-protocols writes: sync step 1, step 2, update, awareness', () => {
    const doc = new Y.Doc();
    doc.getText('content').insert(0, 'abc');
    const e1 = encoding.createEncoder();
    encoding.writeVarUint(e1, 0);
    syncProtocol.writeSyncStep1(e1, doc);
    expect(decodeMessage(encoding.toUint8Array(e1))).toEqual({ kind: 'sync-step1', stateVector: Y.encodeStateVector(doc) });

    const e2 = encoding.createEncoder();
    encoding.writeVarUint(e2, 0);
    syncProtocol.writeSyncStep2(e2, doc);
    expect(decodeMessage(encoding.toUint8Array(e2))).toEqual({ kind: 'sync-step2', update: Y.encodeStateAsUpdate(doc) });

    const u = someUpdate();
    const e3 = encoding.createEncoder();
    encoding.writeVarUint(e3, 0);
    syncProtocol.writeUpdate(e3, u);
    expect(decodeMessage(encoding.toUint8Array(e3))).toEqual({ kind: 'update', update: u });

    const aw = new Awareness(doc);
    aw.setLocalState({ cursor: 1 });
    const a = encodeAwarenessUpdate(aw, [doc.clientID]);
    expect(decodeMessage(bytes(1, varUint(a.length), a))).toEqual({ kind: 'awareness', update: a });
    aw.destroy();
  });

  test('round-trips its own encoders', () => {
    const u = someUpdate();
    expect(decodeMessage(encodeUpdate(u))).toEqual({ kind: 'update', update: u });
    expect(decodeMessage(encodeSyncStep2(u))).toEqual({ kind: 'sync-step2', update: u });
    expect(decodeMessage(encodeSyncStep1(new Uint8Array([0])))).toEqual({ kind: 'sync-step1', stateVector: new Uint8Array([0]) });
    expect(decodeMessage(encodeAwareness(new Uint8Array([1, 2, 3])))).toEqual({ kind: 'awareness', update: new Uint8Array([1, 2, 3]) });
    // an empty payload is well framed (its content is judged later)
    expect(decodeMessage(new Uint8Array([0, 2, 0]))).toEqual({ kind: 'update', update: new Uint8Array([]) });
  });

  test('refuses an empty message', () => {
    expect(codeOf(() => decodeMessage(new Uint8Array([])))).toBe('MALFORMED_MESSAGE');
  });

  test('refuses every truncation of a valid message', () => {
    for (const valid of [encodeUpdate(someUpdate()), encodeSyncStep1(Y.encodeStateVector(new Y.Doc())), encodeAwareness(new Uint8Array(300).fill(7))]) {
      for (let cut = 1; cut < valid.length; cut++) {
        expect([cut, codeOf(() => decodeMessage(valid.slice(0, cut)))]).toEqual([cut, 'MALFORMED_MESSAGE']);
      }
    }
    // a varUint cut in the middle
    expect(codeOf(() => decodeMessage(new Uint8Array([0x80])))).toBe('MALFORMED_MESSAGE');
    expect(codeOf(() => decodeMessage(new Uint8Array([0, 0x80])))).toBe('MALFORMED_MESSAGE');
  });

  test('refuses unknown message types and unknown sync types', () => {
    for (const t of [2, 3, 4, 127, 128, 300, 2 ** 31]) {
      expect(codeOf(() => decodeMessage(bytes(varUint(t), 0)))).toBe('MALFORMED_MESSAGE');
      expect(codeOf(() => decodeMessage(bytes(varUint(t), 1, 0)))).toBe('MALFORMED_MESSAGE');
    }
    for (const s of [3, 4, 255, 2 ** 20]) expect(codeOf(() => decodeMessage(bytes(0, varUint(s), 1, 0)))).toBe('MALFORMED_MESSAGE');
    // a varUint wider than 53 bits
    expect(codeOf(() => decodeMessage(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])))).toBe('MALFORMED_MESSAGE');
  });

  test('refuses trailing bytes after a complete message', () => {
    for (const valid of [encodeUpdate(someUpdate()), encodeSyncStep1(new Uint8Array([0])), encodeAwareness(new Uint8Array([1]))]) {
      expect(codeOf(() => decodeMessage(bytes(valid, 0)))).toBe('MALFORMED_MESSAGE');
      expect(codeOf(() => decodeMessage(bytes(valid, valid)))).toBe('MALFORMED_MESSAGE');
    }
  });

  test('refuses length prefixes longer than the message, up to absurd ones, without allocating them', () => {
    for (const len of [2, 100, 2 ** 20, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
      expect(codeOf(() => decodeMessage(bytes(0, 2, varUint(len), 1)))).toBe('MALFORMED_MESSAGE');
      expect(codeOf(() => decodeMessage(bytes(1, varUint(len), 1)))).toBe('MALFORMED_MESSAGE');
      expect(codeOf(() => decodeMessage(bytes(0, 0, varUint(len))))).toBe('MALFORMED_MESSAGE');
    }
  });

  test('never throws anything but a ProtocolError, whatever the bytes', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 3000; i++) {
      const b = new Uint8Array(Math.floor(rnd() * 24));
      for (let j = 0; j < b.length; j++) b[j] = rnd() < 0.5 ? Math.floor(rnd() * 4) : Math.floor(rnd() * 256);
      let out: unknown;
      try {
        out = decodeMessage(b);
      } catch (e) {
        expect(e).toBeInstanceOf(ProtocolError);
        continue;
      }
      expect(out).toHaveProperty('kind');
    }
  });
});

describe('decodeAwareness', () => {
  const MAX = COLLAB_LIMITS.maxAwarenessStateBytes;
  function raw(entries: Array<[clientId: number, clock: number, json: string]>, count = entries.length): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, count);
    for (const [id, clock, json] of entries) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
    return encoding.toUint8Array(e);
  }

  test('decodes what y-protocols writes, and removals (null)', () => {
    const doc = new Y.Doc();
    const aw = new Awareness(doc);
    aw.setLocalState({ cursor: { anchor: 3 }, user: { name: 'x' } });
    const entries = decodeAwareness(encodeAwarenessUpdate(aw, [doc.clientID]), MAX, 2);
    expect(entries).toEqual([{ clientId: doc.clientID, clock: expect.any(Number), state: { cursor: { anchor: 3 }, user: { name: 'x' } } }]);
    aw.setLocalState(null);
    expect(decodeAwareness(encodeAwarenessUpdate(aw, [doc.clientID]), MAX, 2)[0]!.state).toBeNull();
    aw.destroy();
    // and its own encoder round-trips
    const two = [
      { clientId: 1, clock: 2, state: { a: 1 } },
      { clientId: 3, clock: 4, state: null },
    ];
    expect(decodeAwareness(encodeAwarenessEntries(two), MAX, 2)).toEqual(two);
  });

  test('bounds the number of entries: none, more than allowed', () => {
    expect(codeOf(() => decodeAwareness(raw([]), MAX, 2))).toBe('AWARENESS_REJECTED');
    expect(codeOf(() => decodeAwareness(raw([[1, 1, '{}'], [2, 1, '{}'], [3, 1, '{}']]), MAX, 2))).toBe('AWARENESS_REJECTED');
    expect(decodeAwareness(raw([[1, 1, '{}'], [2, 1, '{}']]), MAX, 2)).toHaveLength(2);
    // a count announcing more entries than there are, or a huge count with nothing behind it
    expect(codeOf(() => decodeAwareness(raw([[1, 1, '{}']], 2), MAX, 2))).toBe('AWARENESS_REJECTED');
    expect(codeOf(() => decodeAwareness(raw([[1, 1, '{}']], 2 ** 40), MAX, 2))).toBe('AWARENESS_REJECTED');
  });

  test('bounds the size of a state, in bytes (not characters)', () => {
    const fits = JSON.stringify({ s: 'x'.repeat(MAX - 8) });
    expect(fits.length).toBe(MAX);
    expect(decodeAwareness(raw([[1, 1, fits]]), MAX, 2)).toHaveLength(1);
    const over = JSON.stringify({ s: 'x'.repeat(MAX - 7) });
    expect(codeOf(() => decodeAwareness(raw([[1, 1, over]]), MAX, 2))).toBe('AWARENESS_REJECTED');
    // multi-byte characters: fewer characters than the limit but more bytes
    const wide = JSON.stringify({ s: 'é'.repeat(MAX / 2) });
    expect(wide.length).toBeLessThan(MAX + 10);
    expect(codeOf(() => decodeAwareness(raw([[1, 1, wide]]), MAX, 2))).toBe('AWARENESS_REJECTED');
    // a length prefix larger than what follows
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 100);
    encoding.writeUint8Array(e, new TextEncoder().encode('{}'));
    expect(codeOf(() => decodeAwareness(encoding.toUint8Array(e), MAX, 2))).toBe('AWARENESS_REJECTED');
  });

  test('rejects states that are not JSON objects (or null)', () => {
    for (const json of ['1', '"s"', 'true', 'false', '[]', '[{"a":1}]', '', '{', '{"a":}', 'undefined', 'NaN', '{}x', "{'a':1}"]) {
      expect([json, codeOf(() => decodeAwareness(raw([[1, 1, json]]), MAX, 2))]).toEqual([json, 'AWARENESS_REJECTED']);
    }
    expect(decodeAwareness(raw([[1, 1, 'null']]), MAX, 2)[0]!.state).toBeNull();
    expect(decodeAwareness(raw([[1, 1, ' { "a" : [1, {"b": null}] } ']]), MAX, 2)[0]!.state).toEqual({ a: [1, { b: null }] });
  });

  test('rejects trailing bytes, truncations and garbage', () => {
    const valid = raw([[5, 9, '{"a":1}']]);
    expect(codeOf(() => decodeAwareness(bytes(valid, 0), MAX, 2))).toBe('AWARENESS_REJECTED');
    for (let cut = 0; cut < valid.length; cut++) {
      expect([cut, codeOf(() => decodeAwareness(valid.slice(0, cut), MAX, 2))]).toEqual([cut, 'AWARENESS_REJECTED']);
    }
    expect(codeOf(() => decodeAwareness(new Uint8Array(40).fill(0xff), MAX, 2))).toBe('AWARENESS_REJECTED');
  });

  test('a JSON state with a __proto__ key does not pollute prototypes', () => {
    const [entry] = decodeAwareness(raw([[1, 1, '{"__proto__":{"polluted":true},"a":1}']]), MAX, 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(entry!.state!.a).toBe(1);
  });
});
