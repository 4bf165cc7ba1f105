import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { COLLAB_EVENTS, COLLAB_LIMITS, type CollabErrorCode, type JoinResult, type MessageAck } from '@relab/shared';
import { CollabStore } from '../src/collab/documents/collab-store.js';
import { DocumentManager } from '../src/collab/documents/document-manager.js';
import { collabSocket, connected, emitAck, until, YClient } from './support/collab-client.js';
import { awarenessMessage, awarenessUpdate, craftUpdate, updateMessage } from './support/crafted-update.js';
import { TestApp, type Client } from './support/test-app.js';
import { registerTestDocType } from './support/test-doc-type.js';

/**
 * Bad input on /collab, one kind at a time. For each: the expected refusal (ack and error event), the refusal
 * counted in GET /metrics, the other clients in the room still syncing, and the stored document loading with
 * exactly the accepted content.
 */
describe('collaboration core: bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    registerTestDocType(t);
  });
  afterAll(() => t.stop());

  const docName = () => `test-doc:${randomUUID()}`;
  let seq = 0;
  const opened: YClient[] = [];

  interface Room {
    name: string;
    owner: Client;
    evil: Client;
    /** two honest clients of the same person */
    a: YClient;
    b: YClient;
    /** the attacker: a real member with write access */
    x: YClient;
  }

  async function open(cookie: string, name: string): Promise<YClient> {
    const c = await YClient.open(t.url, cookie, name);
    opened.push(c);
    return c;
  }

  async function room(): Promise<Room> {
    const owner = await t.professional();
    const evil = await t.professional();
    const name = docName();
    const a = await open(owner.cookie, name);
    const b = await open(owner.cookie, name);
    const x = await open(evil.cookie, name);
    await Promise.all([a.synced, b.synced, x.synced]);
    expect([a.join.ok, b.join.ok, x.join]).toEqual([true, true, expect.objectContaining({ ok: true, access: 'write' })]);
    a.doc.getText('content').insert(0, 'honest start.');
    a.doc.getArray('items').push(['first']);
    await a.settled();
    await until(() => b.text() === a.text() && x.text() === a.text(), 5000, 'the room to sync');
    return { name, owner, evil, a, b, x };
  }

  afterEach(() => {
    for (const c of opened.splice(0)) c.close();
  });

  async function refusedCount(reason: string): Promise<number> {
    const res = await t.anonymous().get('/metrics');
    expect(res.status).toBe(200);
    const m = new RegExp(`^relab_collab_refused_messages_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(res.text);
    return m ? Number(m[1]) : 0;
  }

  async function storedDoc(name: string): Promise<Y.Doc> {
    const d = new Y.Doc();
    await t.app.get(CollabStore).load(name, d);
    return d;
  }

  function contentOf(d: Y.Doc) {
    return {
      content: d.getText('content').toString(),
      meta: d.getMap('meta').toJSON(),
      items: d.getArray('items').toJSON(),
      sv: [...Y.decodeStateVector(Y.encodeStateVector(d))].sort((p, q) => p[0] - q[0]),
    };
  }

  /**
   * The room still works and nothing unaccepted got in: A's edit reaches B, B's reaches A, the stored document
   * loads (no pending structs) with exactly what A and B have, and so does a client joining now.
   */
  async function stillHealthy(r: Room): Promise<void> {
    const n = ++seq;
    r.a.doc.getText('content').insert(r.a.text().length, ` [a${n}]`);
    await r.a.settled();
    await until(() => r.b.text() === r.a.text(), 5000, 'B to receive A’s edit');
    r.b.doc.getMap('meta').set(`b${n}`, n);
    await r.b.settled();
    await until(() => r.a.doc.getMap('meta').get(`b${n}`) === n, 5000, 'A to receive B’s edit');
    expect(r.a.refused).toEqual([]);
    expect(r.b.refused).toEqual([]);
    expect(r.a.errors).toEqual([]);
    expect(r.b.errors).toEqual([]);
    const expected = contentOf(r.a.doc);
    expect(contentOf(r.b.doc)).toEqual(expected);
    const stored = await storedDoc(r.name);
    expect(contentOf(stored)).toEqual(expected);
    const fresh = await open(r.owner.cookie, r.name);
    await fresh.synced;
    expect(contentOf(fresh.doc)).toEqual(expected);
    expect((await t.anonymous().get('/api/health')).status).toBe(200);
  }

  /** Sends through `send`, expects the refusal ack, the error event and the metric. */
  async function expectRefused(c: YClient, send: () => Promise<MessageAck>, code: CollabErrorCode, doc: string | null = c.name): Promise<void> {
    const before = await refusedCount(code);
    const errorsBefore = c.errors.length;
    const ack = await send();
    expect(ack).toEqual({ ok: false, code });
    await until(() => c.errors.length > errorsBefore, 5000, `the ${code} error event`);
    expect(c.errors.slice(errorsBefore)).toEqual([{ doc, code }]);
    expect(await refusedCount(code)).toBe(before + 1);
  }

  function insertUpdate(text: string, clientID: number, base?: Y.Doc): Uint8Array {
    const d = new Y.Doc();
    d.clientID = clientID;
    if (base) Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
    const sv = Y.encodeStateVector(d);
    d.getText('content').insert(0, text);
    return Y.encodeStateAsUpdate(d, sv);
  }

  // ---------------------------------------------------------------- size

  test('a message over maxMessageBytes (but within the socket.io frame limit) is refused MESSAGE_TOO_LARGE', async () => {
    const r = await room();
    await expectRefused(r.x, () => r.x.sendRaw(new Uint8Array(COLLAB_LIMITS.maxMessageBytes + 1)), 'MESSAGE_TOO_LARGE');
    // a real update message of that size too: nothing of it is applied
    const big = updateMessage(insertUpdate('z'.repeat(COLLAB_LIMITS.maxMessageBytes), 424242));
    expect(big.length).toBeGreaterThan(COLLAB_LIMITS.maxMessageBytes);
    await expectRefused(r.x, () => r.x.sendRaw(big), 'MESSAGE_TOO_LARGE');
    expect(r.x.socket.connected).toBe(true);
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('zzz');
  });

  test('a frame over socket.io’s maxHttpBufferSize disconnects that client only; the server and the room are unharmed', async () => {
    const r = await room();
    const disconnected = new Promise<string>((ok) => r.x.socket.once('disconnect', (reason) => ok(reason)));
    r.x.socket.emit(COLLAB_EVENTS.message, r.name, updateMessage(insertUpdate('q'.repeat(COLLAB_LIMITS.maxMessageBytes + 4096), 434343)));
    expect(await disconnected).toMatch(/transport (close|error)/);
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('qqq');
    // the attacker can come back, and is an ordinary member again
    const again = await open(r.evil.cookie, r.name);
    await again.synced;
    again.doc.getText('content').insert(0, 'back ');
    await again.settled();
    expect(again.refused).toEqual([]);
    await until(() => r.a.text().startsWith('back '), 5000, 'the returning client’s edit');
    await stillHealthy(r);
  });

  // ---------------------------------------------------------------- framing

  test('empty, malformed and truncated y-protocols messages are refused MALFORMED_MESSAGE', async () => {
    const r = await room();
    const valid = updateMessage(insertUpdate('never stored', 454545));
    const samples: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array(0)],
      ['unknown message type', new Uint8Array([2, 0])],
      ['unknown message type (large varUint)', new Uint8Array([0xff, 0xff, 0xff, 0x7f, 0])],
      ['unknown sync type', new Uint8Array([0, 3, 1, 0])],
      ['sync without a body', new Uint8Array([0])],
      ['sync type without a payload', new Uint8Array([0, 2])],
      ['length prefix beyond the message', new Uint8Array([0, 2, 100, 0, 0])],
      ['absurd length prefix', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 0])],
      ['varUint wider than 53 bits', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
      ['trailing bytes after an update', Uint8Array.from([...valid, 0])],
      ['two messages glued together', Uint8Array.from([...valid, ...valid])],
      ['payload that is not a Yjs update', updateMessage(new Uint8Array([0xff, 0xff, 0xff]))],
      ['sync step 2 that is not a Yjs update', Uint8Array.from([0, 1, 3, 0xde, 0xad, 0xbe])],
      ['sync step 1 with a broken state vector', Uint8Array.from([0, 0, 2, 5, 1])],
      ['awareness without a body', new Uint8Array([1])],
      ...[1, 2, 3, 5, Math.floor(valid.length / 2), valid.length - 1].map((cut): [string, Uint8Array] => [`update cut at ${cut}`, valid.slice(0, cut)]),
    ];
    for (const [what, bytes] of samples) {
      const before = await refusedCount('MALFORMED_MESSAGE');
      const ack = await r.x.sendRaw(bytes);
      expect({ what, ack }).toEqual({ what, ack: { ok: false, code: 'MALFORMED_MESSAGE' } });
      expect({ what, count: await refusedCount('MALFORMED_MESSAGE') }).toEqual({ what, count: before + 1 });
    }
    await until(() => r.x.errors.length >= samples.length, 5000, 'one error event per refusal');
    expect(r.x.errors.every((e) => e.doc === r.name)).toBe(true);
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('never stored');
  });

  test('an empty update is refused EMPTY_UPDATE (an empty sync step 2 is fine)', async () => {
    const r = await room();
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(new Uint8Array([0, 0]))), 'EMPTY_UPDATE');
    expect(await r.x.sendRaw(Uint8Array.from([0, 1, 2, 0, 0]))).toEqual({ ok: true });
    await stillHealthy(r);
  });

  test('non-binary payloads (strings, objects, numbers, arrays, null, missing) are refused MALFORMED_MESSAGE', async () => {
    const r = await room();
    const payloads: unknown[] = ['hello', '', '\u0000\u0002\u0000', { type: 'Buffer', data: [0, 2, 0] }, {}, 42, 0, -1, 1.5, true, false, null, [0, 2, 0], [], new Date(0), { length: 3, 0: 0, 1: 2, 2: 0 }];
    for (const p of payloads) await expectRefused(r.x, () => r.x.sendRaw(p), 'MALFORMED_MESSAGE');
    // no payload at all
    await expectRefused(r.x, () => emitAck<MessageAck>(r.x.socket, COLLAB_EVENTS.message, r.name), 'MALFORMED_MESSAGE');
    await stillHealthy(r);
  });

  // ---------------------------------------------------------------- documents

  test('messages for a document the socket did not join (or has left, or that is not a name) are refused NOT_JOINED', async () => {
    const r = await room();
    const other = await room();
    const intrusion = updateMessage(insertUpdate('intruder', 464646, other.a.doc));
    await expectRefused(r.x, () => r.x.sendRaw(intrusion, other.name), 'NOT_JOINED', other.name);
    await expectRefused(r.x, () => r.x.sendRaw(intrusion, 'test-doc:never-opened'), 'NOT_JOINED', 'test-doc:never-opened');
    await expectRefused(r.x, () => r.x.sendRaw(intrusion, { doc: other.name }), 'NOT_JOINED', null);
    await expectRefused(r.x, () => r.x.sendRaw(intrusion, 12), 'NOT_JOINED', null);
    await expectRefused(r.x, () => r.x.sendRaw(intrusion, 'x'.repeat(5000)), 'NOT_JOINED', 'x'.repeat(200));
    // after leaving its own document
    expect(await emitAck<MessageAck>(r.x.socket, COLLAB_EVENTS.leave, r.name)).toEqual({ ok: true });
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(insertUpdate('after leave', 474747, r.a.doc))), 'NOT_JOINED');
    // leaving twice
    expect(await emitAck<MessageAck>(r.x.socket, COLLAB_EVENTS.leave, r.name)).toEqual({ ok: false, code: 'NOT_JOINED' });
    await stillHealthy(r);
    await stillHealthy(other);
    expect(other.a.text()).not.toContain('intruder');
    expect(r.a.text()).not.toContain('after leave');
  });

  test('joins with bad names are refused BAD_DOC_NAME or DOC_NOT_FOUND, and counted', async () => {
    const r = await room();
    const bad: Array<[unknown, CollabErrorCode]> = [
      [123, 'BAD_DOC_NAME'],
      [null, 'BAD_DOC_NAME'],
      [{ name: r.name }, 'BAD_DOC_NAME'],
      [[[r.name]], 'BAD_DOC_NAME'],
      [true, 'BAD_DOC_NAME'],
      ['', 'BAD_DOC_NAME'],
      ['test-doc', 'BAD_DOC_NAME'],
      [`${'x'.repeat(300)}:y`, 'BAD_DOC_NAME'],
      ['unknown-type:abc', 'DOC_NOT_FOUND'],
      ['test-doc:', 'DOC_NOT_FOUND'],
      ['test-doc:../../etc/passwd', 'DOC_NOT_FOUND'],
      ['Test-Doc:abc', 'DOC_NOT_FOUND'],
      [`test-doc:${'a'.repeat(65)}`, 'DOC_NOT_FOUND'],
      ['test-doc:abc\u0000', 'DOC_NOT_FOUND'],
      ['__proto__:constructor', 'DOC_NOT_FOUND'],
    ];
    for (const [name, code] of bad) {
      const before = await refusedCount(code);
      const res = await emitAck<JoinResult>(r.x.socket, COLLAB_EVENTS.join, name);
      expect({ name, res }).toEqual({ name, res: { ok: false, doc: typeof name === 'string' ? name : '', code } });
      expect(await refusedCount(code)).toBe(before + 1);
    }
    // the socket is not in any of them, and still in its own document
    expect(await r.x.sendRaw(updateMessage(insertUpdate('nope', 484848)), 'unknown-type:abc')).toEqual({ ok: false, code: 'NOT_JOINED' });
    r.x.doc.getText('content').insert(0, 'x-ok ');
    await r.x.settled();
    expect(r.x.refused).toEqual([{ ok: false, code: 'NOT_JOINED' }]);
    await until(() => r.a.text().startsWith('x-ok '), 5000, 'the attacker’s legitimate edit');
    await stillHealthy(r);
  });

  test(`more than ${COLLAB_LIMITS.maxDocsPerSocket} documents on one socket are refused TOO_MANY_DOCS`, async () => {
    const r = await room();
    const names = Array.from({ length: COLLAB_LIMITS.maxDocsPerSocket - 1 }, docName);
    for (const n of names) expect(await emitAck<JoinResult>(r.x.socket, COLLAB_EVENTS.join, n)).toMatchObject({ ok: true, doc: n });
    const before = await refusedCount('TOO_MANY_DOCS');
    const extra = docName();
    expect(await emitAck<JoinResult>(r.x.socket, COLLAB_EVENTS.join, extra)).toEqual({ ok: false, doc: extra, code: 'TOO_MANY_DOCS' });
    expect(await refusedCount('TOO_MANY_DOCS')).toBe(before + 1);
    // joining one it already has is fine; after leaving one, another can be opened
    expect(await emitAck<JoinResult>(r.x.socket, COLLAB_EVENTS.join, names[0])).toMatchObject({ ok: true });
    expect(await emitAck<MessageAck>(r.x.socket, COLLAB_EVENTS.leave, names[0])).toEqual({ ok: true });
    expect(await emitAck<JoinResult>(r.x.socket, COLLAB_EVENTS.join, extra)).toMatchObject({ ok: true, doc: extra });
    expect(await r.x.sendRaw(updateMessage(insertUpdate('in the extra doc', 494949)), extra)).toEqual({ ok: true });
    expect(await emitAck<JoinResult>(r.x.socket, COLLAB_EVENTS.join, docName())).toMatchObject({ ok: false, code: 'TOO_MANY_DOCS' });
    await stillHealthy(r);
    expect((await storedDoc(extra)).getText('content').toString()).toBe('in the extra doc');
  });

  // ---------------------------------------------------------------- content

  test('an update with missing dependencies is refused MISSING_DEPENDENCIES and nothing of it is kept', async () => {
    const r = await room();
    const d = new Y.Doc();
    d.clientID = 505050;
    Y.applyUpdate(d, Y.encodeStateAsUpdate(r.a.doc));
    let sv = Y.encodeStateVector(d);
    d.getText('content').insert(0, 'first part ');
    const first = Y.encodeStateAsUpdate(d, sv);
    sv = Y.encodeStateVector(d);
    d.getText('content').insert(0, 'second part ');
    const second = Y.encodeStateAsUpdate(d, sv);
    // a clock gap
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(second)), 'MISSING_DEPENDENCIES');
    // an edit next to text the server never got
    const other = new Y.Doc();
    other.clientID = 515151;
    Y.applyUpdate(other, first);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(r.a.doc));
    const osv = Y.encodeStateVector(other);
    other.getText('content').insert(3, 'X');
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(Y.encodeStateAsUpdate(other, osv))), 'MISSING_DEPENDENCIES');
    // deleting structs the server does not have
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(craftUpdate([], [[525252, [[0, 3]]]]))), 'MISSING_DEPENDENCIES');
    // unknown root name, subdocument
    const schema = new Y.Doc();
    schema.getText('undeclared').insert(0, 'x');
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(Y.encodeStateAsUpdate(schema))), 'SCHEMA_REJECTED');
    const sub = new Y.Doc();
    sub.getMap('meta').set('doc', new Y.Doc());
    await expectRefused(r.x, () => r.x.sendRaw(updateMessage(Y.encodeStateAsUpdate(sub))), 'SCHEMA_REJECTED');
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('part');
    // once the first part arrives, the second is accepted
    expect(await r.x.sendRaw(updateMessage(first))).toEqual({ ok: true });
    expect(await r.x.sendRaw(updateMessage(second))).toEqual({ ok: true });
    await until(() => r.a.text().startsWith('second part first part '), 5000, 'both parts');
    await stillHealthy(r);
  });

  test(`a large valid update (> inlineCheckBytes, checked in the worker) is accepted, stored and broadcast`, async () => {
    const r = await room();
    const big = 'L'.repeat(COLLAB_LIMITS.inlineCheckBytes * 3);
    r.x.doc.getText('content').insert(0, big);
    const items = Array.from({ length: 3000 }, (_, i) => ({ i, s: `item ${i}` }));
    r.x.doc.getArray('items').push(items);
    await r.x.settled();
    expect(r.x.refused).toEqual([]);
    await until(() => r.a.text().startsWith(big) && r.b.doc.getArray('items').length === 3001, 10_000, 'the large update to arrive');
    await stillHealthy(r);
    expect((await storedDoc(r.name)).getText('content').toString().startsWith(big)).toBe(true);
  });

  test('large crafted updates are refused (in the pre-check or in the worker) and nothing of them is kept', async () => {
    const r = await room();
    const filler = 'F'.repeat(COLLAB_LIMITS.inlineCheckBytes + 1000);
    const cases: Array<[string, Uint8Array, CollabErrorCode[]]> = [
      ['a clock gap', craftUpdate([{ client: 606060, clock: 5, structs: [{ parent: 'content', content: { ref: 4, str: filler } }] }]), ['MISSING_DEPENDENCIES']],
      ['an undeclared root', craftUpdate([{ client: 606061, clock: 0, structs: [{ parent: 'evil', content: { ref: 4, str: filler } }] }]), ['SCHEMA_REJECTED']],
      [
        'a dependency cycle behind a valid insertion',
        craftUpdate([
          { client: 606062, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: filler } }] },
          { client: 606063, clock: 0, structs: [{ origin: [606064, 0], content: { ref: 4, str: 'cyc1' } }] },
          { client: 606064, clock: 0, structs: [{ origin: [606063, 0], content: { ref: 4, str: 'cyc2' } }] },
        ]),
        ['MISSING_DEPENDENCIES', 'MALFORMED_MESSAGE'],
      ],
      [
        'an origin pointing forward in the same client',
        craftUpdate([
          {
            client: 606065,
            clock: 0,
            structs: [
              { parent: 'content', content: { ref: 4, str: filler } },
              { origin: [606065, filler.length + 10], content: { ref: 4, str: 'fwd' } },
              { origin: [606065, 1], content: { ref: 4, str: 'more than ten characters' } },
            ],
          },
        ]),
        ['MISSING_DEPENDENCIES', 'MALFORMED_MESSAGE'],
      ],
    ];
    for (const [what, update, codes] of cases) {
      expect(update.length).toBeGreaterThan(COLLAB_LIMITS.inlineCheckBytes);
      const ack = await r.x.sendRaw(updateMessage(update));
      expect({ what, ack }).toEqual({ what, ack: { ok: false, code: expect.stringMatching(new RegExp(`^(${codes.join('|')})$`)) } });
    }
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('FFF');
  });

  test('a small update with a dependency cycle behind a valid insertion is refused (it must not be stored: the document would no longer load)', async () => {
    const r = await room();
    const update = craftUpdate([
      { client: 707070, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'sneaky' } }] },
      { client: 707071, clock: 0, structs: [{ origin: [707072, 0], content: { ref: 4, str: 'c1' } }] },
      { client: 707072, clock: 0, structs: [{ origin: [707071, 0], content: { ref: 4, str: 'c2' } }] },
    ]);
    expect(update.length).toBeLessThan(COLLAB_LIMITS.inlineCheckBytes);
    const ack = await r.x.sendRaw(updateMessage(update));
    // first the consequence (the stored document must still load), then the code
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('sneaky');
    expect(ack).toEqual({ ok: false, code: expect.stringMatching(/^(MISSING_DEPENDENCIES|MALFORMED_MESSAGE)$/) });
  });

  test('a small update listing one client in two blocks is refused (Yjs reads only the last block: the rest would be pending)', async () => {
    const r = await room();
    const update = craftUpdate([
      { client: 737373, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'valid part' } }] },
      { client: 747474, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'b1' } }] },
      { client: 747474, clock: 2, structs: [{ origin: [747474, 1], content: { ref: 4, str: 'b2' } }] },
    ]);
    const ack = await r.x.sendRaw(updateMessage(update));
    await stillHealthy(r);
    expect(ack).toEqual({ ok: false, code: expect.stringMatching(/^(MISSING_DEPENDENCIES|MALFORMED_MESSAGE)$/) });
  });

  test('a small update that Yjs rejects half-way is refused and leaves nothing behind in memory either', async () => {
    const r = await room();
    // the first struct is fine, the second points at a clock of its own client that comes later
    const update = craftUpdate([
      {
        client: 717171,
        clock: 0,
        structs: [
          { parent: 'content', content: { ref: 4, str: 'ghost' } },
          { origin: [717171, 20], content: { ref: 4, str: 'fwd' } },
          { origin: [717171, 1], content: { ref: 4, str: 'more than twenty characters' } },
        ],
      },
    ]);
    expect(await r.x.sendRaw(updateMessage(update))).toEqual({ ok: false, code: expect.stringMatching(/^(MISSING_DEPENDENCIES|MALFORMED_MESSAGE)$/) });
    // a client joining now must see what is stored, not the refused update's first half
    await stillHealthy(r);
    expect(r.a.text()).not.toContain('ghost');
    // and an update next to the refused struct must be refused too (it depends on something the server refused)
    const next = craftUpdate([{ client: 727272, clock: 0, structs: [{ origin: [717171, 4], content: { ref: 4, str: 'haunt' } }] }]);
    expect(await r.x.sendRaw(updateMessage(next))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
    await stillHealthy(r);
  });

  // ---------------------------------------------------------------- rate limits and awareness

  test('an awareness flood is refused RATE_LIMITED (each refusal counted); others’ presence still flows', async () => {
    const r = await room();
    const before = await refusedCount('RATE_LIMITED');
    const id = r.x.doc.clientID;
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => r.x.sendRaw(awarenessMessage(awarenessUpdate([[id, i + 1, { cursor: i }]])))));
    const limited = acks.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((a) => !a.ok && a.code === 'RATE_LIMITED')).toBe(true);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(COLLAB_LIMITS.awarenessPerSecond * 2);
    expect(await refusedCount('RATE_LIMITED')).toBe(before + limited.length);
    await until(() => r.x.errors.some((e) => e.code === 'RATE_LIMITED'), 5000, 'a RATE_LIMITED notice');
    // notices are themselves limited: far fewer error events than refusals
    expect(r.x.errors.filter((e) => e.code === 'RATE_LIMITED').length).toBeLessThan(limited.length);
    // B's presence reaches A
    expect(await r.b.setPresence({ cursor: 'b' })).toEqual({ ok: true });
    await until(() => (r.a.awareness.getStates().get(r.b.doc.clientID) as { cursor?: string } | undefined)?.cursor === 'b', 5000, 'B’s presence');
    await stillHealthy(r);
  });

  test('a message flood on one socket is refused RATE_LIMITED; the room keeps syncing', async () => {
    const r = await room();
    const before = await refusedCount('RATE_LIMITED');
    const step1 = Uint8Array.from([0, 0, 1, 0]);
    const acks = await Promise.all(Array.from({ length: COLLAB_LIMITS.messagesPerSecond * 4 }, () => r.x.sendRaw(step1)));
    const limited = acks.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((a) => !a.ok && a.code === 'RATE_LIMITED')).toBe(true);
    expect(await refusedCount('RATE_LIMITED')).toBe(before + limited.length);
    await stillHealthy(r);
  });

  test('awareness for another socket’s client id (spoofing) is refused AWARENESS_REJECTED', async () => {
    const r = await room();
    expect(await r.b.setPresence({ cursor: 'real b' })).toEqual({ ok: true });
    const bId = r.b.doc.clientID;
    await until(() => r.a.awareness.getStates().has(bId), 5000, 'B’s presence');
    await expectRefused(r.x, () => r.x.sendRaw(awarenessMessage(awarenessUpdate([[bId, 1000, { cursor: 'spoofed' }]]))), 'AWARENESS_REJECTED');
    // nor may it remove B's presence
    await expectRefused(r.x, () => r.x.sendRaw(awarenessMessage(awarenessUpdate([[bId, 1001, null]]))), 'AWARENESS_REJECTED');
    // nor speak for more than two client ids
    expect(await r.x.sendRaw(awarenessMessage(awarenessUpdate([[880001, 1, { n: 1 }]])))).toEqual({ ok: true });
    expect(await r.x.sendRaw(awarenessMessage(awarenessUpdate([[880002, 1, { n: 2 }]])))).toEqual({ ok: true });
    await expectRefused(r.x, () => r.x.sendRaw(awarenessMessage(awarenessUpdate([[880003, 1, { n: 3 }]]))), 'AWARENESS_REJECTED');
    // malformed awareness
    for (const bad of [awarenessUpdate([[880001, 2, [1, 2]]]), awarenessUpdate([[880001, 2, 'str']]), awarenessUpdate([]), new Uint8Array([1, 1, 1, 50, 1])]) {
      await expectRefused(r.x, () => r.x.sendRaw(awarenessMessage(bad)), 'AWARENESS_REJECTED');
    }
    const big = { pad: 'p'.repeat(COLLAB_LIMITS.maxAwarenessStateBytes) };
    await expectRefused(r.x, () => r.x.sendRaw(awarenessMessage(awarenessUpdate([[880001, 3, big]]))), 'AWARENESS_REJECTED');
    await new Promise((ok) => setTimeout(ok, 50));
    expect((r.a.awareness.getStates().get(bId) as { cursor?: string }).cursor).toBe('real b');
    expect(r.a.awareness.getStates().has(880003)).toBe(false);
    await stillHealthy(r);
  });

  test('the server writes the authenticated identity into awareness `user`: clients cannot impersonate', async () => {
    const r = await room();
    const owner = r.a.join.ok ? r.a.join.user : null;
    const self = r.x.join.ok ? r.x.join.user : null;
    expect(self).toMatchObject({ id: r.evil.userId });
    expect(await r.x.setPresence({ user: { ...owner }, cursor: 7 })).toEqual({ ok: true });
    const xId = r.x.doc.clientID;
    await until(() => (r.a.awareness.getStates().get(xId) as { cursor?: number } | undefined)?.cursor === 7, 5000, 'X’s presence');
    expect(r.a.awareness.getStates().get(xId)).toEqual({ user: self, cursor: 7 });
    expect(r.b.awareness.getStates().get(xId)).toEqual({ user: self, cursor: 7 });
    // other shapes of `user` too, and a state without one
    for (const [clock, state] of [
      [100, { user: 'The Facilitator', cursor: 8 }],
      [101, { user: null, cursor: 9 }],
      [102, { cursor: 10 }],
      [103, { user: { id: r.owner.userId, name: 'x', color: '#000', admin: true }, cursor: 11 }],
    ] as const) {
      expect(await r.x.sendRaw(awarenessMessage(awarenessUpdate([[xId, clock, state]])))).toEqual({ ok: true });
      await until(() => (r.a.awareness.getStates().get(xId) as { cursor?: number }).cursor === state.cursor, 5000, 'the new state');
      expect(r.a.awareness.getStates().get(xId)).toEqual({ user: self, cursor: state.cursor });
    }
    // a client joining later gets the server's version too
    const late = await open(r.owner.cookie, r.name);
    await until(() => late.awareness.getStates().has(xId), 5000, 'presence for a late joiner');
    expect(late.awareness.getStates().get(xId)).toEqual({ user: self, cursor: 11 });
    await stillHealthy(r);
  });

  test('after all of that the documents can be unloaded and reloaded', async () => {
    const r = await room();
    await stillHealthy(r);
    const text = r.a.text();
    for (const c of opened.splice(0)) c.close();
    await until(() => !t.app.get(DocumentManager).isLoaded(r.name), 10_000, 'the document to unload');
    const c = await open(r.owner.cookie, r.name);
    await c.synced;
    expect(c.text()).toBe(text);
  });
});
