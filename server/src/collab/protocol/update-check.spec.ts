import * as Y from 'yjs';
import { craftUpdate as craft, type Id } from '../../../test/support/crafted-update.js';
import { checkPlacement, checkUpdate, type UpdateCheckContext } from './update-check.js';

const ROOTS = new Set(['content', 'meta', 'items']);

function ctxOf(doc: Y.Doc | null, roots: ReadonlySet<string> = ROOTS): UpdateCheckContext {
  const stateVector = doc ? Y.decodeStateVector(Y.encodeStateVector(doc)) : new Map<number, number>();
  return { stateVector, roots };
}

function docWith(clientID: number, fn: (d: Y.Doc) => void, from?: Y.Doc): Y.Doc {
  const d = new Y.Doc();
  d.clientID = clientID;
  if (from) Y.applyUpdate(d, Y.encodeStateAsUpdate(from));
  fn(d);
  return d;
}

/** The update `fn` makes on a copy of `base` (only the new part). */
function changeOn(base: Y.Doc | null, clientID: number, fn: (d: Y.Doc) => void): Uint8Array {
  const d = docWith(clientID, () => undefined, base ?? undefined);
  const before = Y.encodeStateVector(d);
  fn(d);
  return Y.encodeStateAsUpdate(d, before);
}

/** Applies an update to a copy of `base` and reports what Yjs did with it. */
function trialApply(base: Y.Doc | null, update: Uint8Array): { threw: string | null; pending: boolean } {
  const d = new Y.Doc();
  if (base) Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  try {
    Y.applyUpdate(d, update);
  } catch (e) {
    return { threw: (e as Error).message, pending: false };
  } finally {
    d.destroy();
  }
  return { threw: null, pending: !!(d.store.pendingStructs || d.store.pendingDs) };
}

describe('checkUpdate', () => {
  let server: Y.Doc;
  beforeEach(() => {
    // the server's document: text, map and array written by client 100
    server = docWith(100, (d) => {
      d.getText('content').insert(0, 'hello world');
      d.getMap('meta').set('title', 'notes');
      d.getArray('items').push([1, 2, 3]);
    });
  });
  afterEach(() => server.destroy());

  describe('accepts real updates', () => {
    test('a first update into an empty document, touching every declared root', () => {
      const u = changeOn(null, 1, (d) => {
        d.getText('content').insert(0, 'abc');
        d.getMap('meta').set('k', { nested: [1, 'x'] });
        d.getArray('items').push([new Y.Map()]);
      });
      expect(checkUpdate(u, ctxOf(null))).toEqual({ ok: true, empty: false });
    });

    test('structs that depend on structs inside the same update (origins, parents, deletions)', () => {
      const u = changeOn(null, 2, (d) => {
        d.transact(() => {
          const t = d.getText('content');
          t.insert(0, 'abc');
          t.insert(1, 'X'); // origin = 2:0, right origin = 2:1, both inside this update
          t.format(0, 2, { bold: true });
          t.delete(2, 1); // deletes a struct of this very update
          const m = new Y.Map<unknown>();
          d.getArray('items').push([m]);
          m.set('inner', new Y.Text('deep')); // parent is an item of this update
        });
      });
      const r = checkUpdate(u, ctxOf(null));
      expect(r).toEqual({ ok: true, empty: false });
      expect(trialApply(null, u)).toEqual({ threw: null, pending: false });
    });

    test('updates that depend on the server state: inserts next to, deletions of and map overwrites of its structs', () => {
      const u = changeOn(server, 3, (d) => {
        const t = d.getText('content');
        t.insert(5, ',');
        t.delete(0, 1);
        d.getMap('meta').set('title', 'renamed');
        d.getArray('items').delete(1, 1);
      });
      expect(checkUpdate(u, ctxOf(server))).toEqual({ ok: true, empty: false });
    });

    test('an update from the server’s own clients that continues their clock, and one that overlaps what the server has', () => {
      const clock = ctxOf(server).stateVector.get(100)!;
      const next = craft([{ client: 100, clock, structs: [{ origin: [100, clock - 1], content: { ref: 8, values: [4] } }] }]);
      expect(checkUpdate(next, ctxOf(server))).toEqual({ ok: true, empty: false });
      expect(trialApply(server, next)).toEqual({ threw: null, pending: false });
      // a client re-sending everything (sync step 2 after a reconnect) overlaps the server's state entirely
      const whole = Y.encodeStateAsUpdate(server);
      expect(checkUpdate(whole, ctxOf(server))).toEqual({ ok: true, empty: false });
    });

    test('a merged update (several clients, several transactions) and a delete-only update', () => {
      const a = changeOn(server, 4, (d) => d.getText('content').insert(0, 'A'));
      const b = changeOn(server, 5, (d) => d.getText('content').insert(0, 'B'));
      expect(checkUpdate(Y.mergeUpdates([a, b]), ctxOf(server))).toEqual({ ok: true, empty: false });
      const del = changeOn(server, 6, (d) => d.getText('content').delete(0, 5));
      expect(Y.decodeUpdate(del).structs).toHaveLength(0);
      expect(checkUpdate(del, ctxOf(server))).toEqual({ ok: true, empty: false });
    });

    test('a GC struct continuing a known client is fine', () => {
      const u = craft([{ client: 100, clock: 0, structs: [{ gc: 3 }] }]);
      expect(checkUpdate(u, ctxOf(server))).toMatchObject({ ok: true });
    });
  });

  describe('reports empty updates', () => {
    test('the empty update of Yjs, a diff against an up-to-date state vector, and a hand-made one', () => {
      expect(checkUpdate(new Uint8Array([0, 0]), ctxOf(server))).toEqual({ ok: true, empty: true });
      expect(checkUpdate(Y.encodeStateAsUpdate(server, Y.encodeStateVector(server)), ctxOf(server))).toEqual({ ok: true, empty: true });
      expect(checkUpdate(craft([]), ctxOf(null))).toEqual({ ok: true, empty: true });
      expect(checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()), ctxOf(null))).toEqual({ ok: true, empty: true });
    });
  });

  describe('refuses gaps: MISSING_DEPENDENCIES', () => {
    test('a client clock gap: the second of two updates without the first', () => {
      const d = docWith(7, () => undefined, server);
      d.getText('content').insert(0, 'one');
      const sv = Y.encodeStateVector(d);
      d.getText('content').insert(0, 'two');
      const second = Y.encodeStateAsUpdate(d, sv);
      expect(checkUpdate(second, ctxOf(server))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
      expect(trialApply(server, second).pending).toBe(true);
    });

    test('a gap inside the update (two blocks of one client that do not meet)', () => {
      const u = craft([
        { client: 8, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'ab' } }] },
        { client: 8, clock: 5, structs: [{ origin: [8, 1], content: { ref: 4, str: 'c' } }] },
      ]);
      // one client in two blocks is refused as malformed before the gap is even looked at
    expect(checkUpdate(u, ctxOf(null))).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
    });

    test('a Skip struct (what Yjs writes for a hole)', () => {
      const u = craft([{ client: 9, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'a' } }, { skip: 4 }, { parent: 'content', content: { ref: 4, str: 'b' } }] }]);
      expect(checkUpdate(u, ctxOf(null))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
    });

    test('an unknown origin, an unknown right origin, an unknown parent', () => {
      for (const s of [
        { origin: [55, 0] as Id, content: { ref: 4 as const, str: 'x' } },
        { rightOrigin: [100, 999] as Id, content: { ref: 4 as const, str: 'x' } },
        { parent: [55, 3] as Id, content: { ref: 4 as const, str: 'x' } },
      ]) {
        const u = craft([{ client: 10, clock: 0, structs: [s] }]);
        expect(checkUpdate(u, ctxOf(server))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
      }
    });

    test('an edit made on a state the server has not seen (origin from another client’s unsent update)', () => {
      const other = docWith(11, (d) => d.getText('content').insert(0, 'unsent '), server);
      const u = changeOn(other, 12, (d) => d.getText('content').insert(3, 'X'));
      expect(checkUpdate(u, ctxOf(server))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
    });

    test('deletions of unknown structs: an unknown client, beyond a known client’s clock, a zero-length range', () => {
      const len = ctxOf(server).stateVector.get(100)!;
      for (const ds of [
        [[77, [[0, 1]]]],
        [[100, [[len - 1, 2]]]],
        [[100, [[len + 10, 1]]]],
        [[100, [[0, 0]]]],
      ] as Array<Array<[number, Array<[number, number]>]>>) {
        expect(checkUpdate(craft([], ds), ctxOf(server))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
      }
      // deleting exactly what the server has is fine
      expect(checkUpdate(craft([], [[100, [[0, len]]]]), ctxOf(server))).toEqual({ ok: true, empty: false });
      // and so is deleting a struct that arrives in the same update
      const u = craft([{ client: 13, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'abc' } }] }], [[13, [[1, 2]]]]);
      expect(checkUpdate(u, ctxOf(server))).toEqual({ ok: true, empty: false });
    });

    test('a real update produced by Yjs against a state the server does not have (deleting structs it never got)', () => {
      const other = docWith(14, (d) => d.getText('content').insert(0, 'abc'));
      const del = changeOn(other, 15, (d) => d.getText('content').delete(0, 2));
      expect(checkUpdate(del, ctxOf(server))).toEqual({ ok: false, code: 'MISSING_DEPENDENCIES' });
    });
  });

  describe('refuses schema violations: SCHEMA_REJECTED', () => {
    test('a subdocument, at the root or nested', () => {
      const top = changeOn(null, 20, (d) => d.getMap('meta').set('sub', new Y.Doc()));
      expect(checkUpdate(top, ctxOf(null))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
      const nested = changeOn(server, 21, (d) => {
        const m = new Y.Map<unknown>();
        d.getArray('items').push([m]);
        m.set('doc', new Y.Doc());
      });
      expect(checkUpdate(nested, ctxOf(server))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
      const crafted = craft([{ client: 22, clock: 0, structs: [{ parent: 'meta', parentSub: 'd', content: { ref: 9, guid: 'guid-1' } }] }]);
      expect(checkUpdate(crafted, ctxOf(null))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
    });

    test('a root name the document type does not declare (even next to declared ones)', () => {
      const u = changeOn(null, 23, (d) => {
        d.getText('content').insert(0, 'fine');
        d.getMap('__proto__').set('x', 1);
      });
      expect(checkUpdate(u, ctxOf(null))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
      expect(checkUpdate(changeOn(null, 24, (d) => d.getText('Content').insert(0, 'x')), ctxOf(null))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
      expect(checkUpdate(changeOn(null, 25, (d) => d.getText('')?.insert(0, 'x')), ctxOf(null))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
      // the same update is fine for a type that declares the root
      expect(checkUpdate(changeOn(null, 26, (d) => d.getText('other').insert(0, 'x')), ctxOf(null, new Set(['other'])))).toEqual({ ok: true, empty: false });
    });
  });

  describe('refuses garbage: MALFORMED_MESSAGE', () => {
    test('bytes that are not a Yjs update', () => {
      const samples = [
        new Uint8Array([]),
        new Uint8Array([0xff]),
        new Uint8Array([1]),
        new Uint8Array([1, 1, 1]),
        new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
        new TextEncoder().encode('{"not":"an update"}'),
        new Uint8Array(64).fill(0xaa),
      ];
      for (const bytes of samples) {
        const r = checkUpdate(bytes, ctxOf(server));
        expect(r).toEqual({ ok: false, code: expect.stringMatching(/^(MALFORMED_MESSAGE|MISSING_DEPENDENCIES)$/) });
      }
      // a few are unambiguous
      expect(checkUpdate(new Uint8Array([]), ctxOf(server))).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
      expect(checkUpdate(new Uint8Array([0xff]), ctxOf(server))).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
    });

    test('a real update cut short', () => {
      const u = changeOn(server, 30, (d) => d.getText('content').insert(0, 'a fairly long insertion to cut'));
      for (const cut of [1, 2, 5, Math.floor(u.length / 2), u.length - 1]) {
        const r = checkUpdate(u.slice(0, cut), ctxOf(server));
        expect(r.ok).toBe(false);
      }
    });

    test('a zero-length struct and a struct whose clock overflows', () => {
      expect(checkUpdate(craft([{ client: 31, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: '' } }] }]), ctxOf(null))).toEqual({
        ok: false,
        code: 'MALFORMED_MESSAGE',
      });
      const huge = craft([{ client: 32, clock: Number.MAX_SAFE_INTEGER, structs: [{ gc: 5 }] }]);
      expect(checkUpdate(huge, ctxOf(null)).ok).toBe(false);
    });
  });

  describe('never accepts an update that Yjs cannot apply cleanly', () => {
    // The inline check is the only thing between a small update and Y.applyUpdate on the live document:
    // anything it accepts must integrate completely (no exception half-way, no pending structs).
    const cases: Record<string, Uint8Array> = {
      'an origin pointing at the struct itself': craft([{ client: 40, clock: 0, structs: [{ origin: [40, 0], content: { ref: 4, str: 'x' } }] }]),
      'an origin pointing forward, at a later struct of the same client': craft([
        { client: 41, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'a' } }, { origin: [41, 5], content: { ref: 4, str: 'b' } }, { origin: [41, 1], content: { ref: 4, str: 'cccc' } }] },
      ]),
      'a right origin pointing forward': craft([
        { client: 42, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'a' } }, { origin: [42, 0], rightOrigin: [42, 2], content: { ref: 4, str: 'b' } }, { origin: [42, 0], content: { ref: 4, str: 'c' } }] },
      ]),
      'a parent that is the struct itself': craft([{ client: 43, clock: 0, structs: [{ parent: [43, 0], content: { ref: 7, type: 1 } }] }]),
      'two clients whose first structs depend on each other (a cycle)': craft([
        { client: 44, clock: 0, structs: [{ origin: [45, 0], content: { ref: 4, str: 'x' } }] },
        { client: 45, clock: 0, structs: [{ origin: [44, 0], content: { ref: 4, str: 'y' } }] },
      ]),
      'a cycle hidden behind a valid insertion': craft([
        { client: 46, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'good' } }] },
        { client: 47, clock: 0, structs: [{ origin: [48, 0], content: { ref: 4, str: 'x' } }] },
        { client: 48, clock: 0, structs: [{ origin: [47, 0], content: { ref: 4, str: 'y' } }] },
      ]),
      'one client in two blocks (contiguous; Yjs keeps only the last block of a client)': craft([
        { client: 49, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'good' } }] },
        { client: 50, clock: 0, structs: [{ parent: 'content', content: { ref: 4, str: 'a' } }] },
        { client: 50, clock: 1, structs: [{ origin: [50, 0], content: { ref: 4, str: 'b' } }] },
      ]),
    };
    for (const [what, update] of Object.entries(cases)) {
      test(what, () => {
        const r = checkUpdate(update, ctxOf(server));
        const applied = trialApply(server, update);
        // either refused, or it really applies
        if (r.ok) expect({ what, ...applied }).toEqual({ what, threw: null, pending: false });
        else expect(r.code).toMatch(/^(MISSING_DEPENDENCIES|MALFORMED_MESSAGE)$/);
      });
    }
  });

  describe('refuses origins that do not enclose a place: MALFORMED_MESSAGE', () => {
    // the server's text is "hello world" from client 100: one item, clocks 0..10
    const withDoc = (): UpdateCheckContext => ({ ...ctxOf(server), doc: server });
    const insert = (client: number, origin: Id, rightOrigin: Id) => craft([{ client, clock: 0, structs: [{ origin, rightOrigin, content: { ref: 4, str: 'x' } }] }]);
    /** The texts the server's document ends with when `updates` arrive in every possible order. */
    const outcomes = (updates: Uint8Array[]): Set<string> => {
      const orders: Uint8Array[][] = [];
      const permute = (done: Uint8Array[], rest: Uint8Array[]): void => {
        if (rest.length === 0) orders.push(done);
        rest.forEach((u, i) => permute([...done, u], rest.filter((_, j) => j !== i)));
      };
      permute([], updates);
      return new Set(orders.map((order) => docWith(1, (d) => order.forEach((u) => Y.applyUpdate(d, u)), server).getText('content').toString()));
    };

    test('a right origin left of the origin, or in another list, is refused', () => {
      expect(checkUpdate(insert(60, [100, 6], [100, 2]), withDoc())).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
      expect(checkUpdate(insert(60, [100, 4], [100, 4]), withDoc())).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
      const map = changeOn(server, 100, (d) => d.getArray('items').push(['y']));
      Y.applyUpdate(server, map);
      const inArray = Y.getItem(server.store, Y.createID(100, 14)) as Y.Item; // the array's new item, after 11 chars, 'notes', 3 numbers
      expect(inArray.parent).toBe(server.getArray('items'));
      expect(checkUpdate(insert(60, [100, 3], [100, 14]), withDoc())).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
    });

    test('such a pair is what breaks convergence: without the check, the order of arrival decides the text', () => {
      // the reason for the rule, shown on Yjs itself: a crafted item and two concurrent honest ones
      const honest = changeOn(server, 70, (d) => d.getText('content').insert(2, '1'));
      const honestToo = changeOn(server, 130, (d) => d.getText('content').insert(2, '2'));
      const crafted = insert(50, [100, 2], [100, 1]);
      expect(outcomes([crafted, honest, honestToo]).size).toBeGreaterThan(1);
      expect(checkUpdate(crafted, withDoc())).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
      // a well-formed pair converges, and is accepted
      const wellFormed = insert(50, [100, 1], [100, 2]);
      expect([...outcomes([wellFormed, honest, honestToo])]).toHaveLength(1);
      expect(checkUpdate(wellFormed, withDoc())).toEqual({ ok: true, empty: false });
    });

    test('concurrent edits between origin and right origin are fine; inside one item too', () => {
      // two clients insert at the same place; the second arrives after the first is in
      const a = changeOn(server, 61, (d) => d.getText('content').insert(5, ' big'));
      const b = changeOn(server, 62, (d) => d.getText('content').insert(5, ' blue'));
      Y.applyUpdate(server, a);
      expect(checkUpdate(b, withDoc())).toEqual({ ok: true, empty: false });
    });

    test('typing on inside one update is decided inline; other references into the update are left to a trial apply', () => {
      // a formatted insert: format start, text, format end, each right after the one before, before the same right origin
      const formatted = changeOn(server, 63, (d) => d.getText('content').insert(5, ' bold', { bold: true }));
      expect(checkUpdate(formatted, withDoc())).toEqual({ ok: true, empty: false });
      const before = Y.decodeStateVector(Y.encodeStateVector(server));
      const copy = docWith(0, () => undefined, server);
      Y.applyUpdate(copy, formatted);
      expect(checkPlacement(copy, formatted, before)).toBe(true);

      // an insert inside text typed earlier in the same update: only applying it tells where it lands
      const inside = craft([
        { client: 65, clock: 0, structs: [{ origin: [100, 2], rightOrigin: [100, 3], content: { ref: 4, str: 'abc' } }, { origin: [65, 0], rightOrigin: [65, 1], content: { ref: 4, str: 'X' } }] },
      ]);
      expect(checkUpdate(inside, withDoc())).toEqual({ ok: true, empty: false, trial: true });
      const copy1 = docWith(0, () => undefined, server);
      Y.applyUpdate(copy1, inside);
      expect(copy1.getText('content').toString()).toBe('helaXbclo world');
      expect(checkPlacement(copy1, inside, before)).toBe(true);

      // a crafted second item whose right origin is the first: it lands after it, so the pair is broken
      const broken = craft([{ client: 64, clock: 0, structs: [{ origin: [100, 2], rightOrigin: [100, 3], content: { ref: 4, str: 'a' } }, { origin: [100, 5], rightOrigin: [64, 0], content: { ref: 4, str: 'b' } }] }]);
      expect(checkUpdate(broken, withDoc())).toEqual({ ok: true, empty: false, trial: true });
      const copy2 = docWith(0, () => undefined, server);
      Y.applyUpdate(copy2, broken);
      expect(checkPlacement(copy2, broken, before)).toBe(false);
    });

    test('a struct overlapping what the server has is placed after the last known clock: its right origin is checked against that', () => {
      // a text-only server document: "hello world" is 200:0..10; a struct 200:9..12 overlaps it, and Yjs
      // integrates 200:11..12 after 200:10, whatever origin the struct names
      const text = docWith(200, (d) => d.getText('content').insert(0, 'hello world'));
      const ctx: UpdateCheckContext = { ...ctxOf(text), doc: text, owns: () => true };
      const overlapping = (rightOrigin: Id) => craft([{ client: 200, clock: 9, structs: [{ rightOrigin, content: { ref: 4, str: 'ldXY' } }] }]);
      expect(checkUpdate(overlapping([200, 2]), ctx)).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
      // an honest resend (the server's own state plus an append) overlaps too, and is fine
      const append = changeOn(text, 200, (d) => d.getText('content').insert(11, 'XY'));
      expect(checkUpdate(Y.mergeUpdates([Y.encodeStateAsUpdate(text), append]), ctx)).toMatchObject({ ok: true });
      // and the trial check agrees
      const before = Y.decodeStateVector(Y.encodeStateVector(text));
      const copy = docWith(0, () => undefined, text);
      Y.applyUpdate(copy, overlapping([200, 2]));
      expect(checkPlacement(copy, overlapping([200, 2]), before)).toBe(false);
      const copy2 = docWith(0, () => undefined, text);
      Y.applyUpdate(copy2, append);
      expect(checkPlacement(copy2, append, before)).toBe(true);
    });

    test('a struct overlapping garbage-collected content is refused (Yjs would throw half-way through it)', () => {
      // an item whose parent is a character (not a type) is turned into garbage by Yjs: 301:0..3 is a GC struct
      const garbage = craft([{ client: 301, clock: 0, structs: [{ parent: [100, 3], content: { ref: 4, str: 'atk0' } }] }]);
      expect(checkUpdate(garbage, withDoc())).toEqual({ ok: true, empty: false });
      Y.applyUpdate(server, garbage);
      expect(server.store.clients.get(301)![0]).toBeInstanceOf(Y.GC);
      // a struct that overlaps it: Yjs puts the rest "after" the GC struct and throws
      const overlapping = craft([{ client: 301, clock: 3, structs: [{ rightOrigin: [100, 0], content: { ref: 4, str: 'xyz' } }] }]);
      expect(trialApply(server, overlapping).threw).not.toBeNull();
      expect(checkUpdate(overlapping, { ...withDoc(), owns: () => true })).toEqual({ ok: false, code: 'MALFORMED_MESSAGE' });
    });

    test('without the document, placement is not looked at (the caller trial-applies and runs checkPlacement)', () => {
      expect(checkUpdate(insert(60, [100, 6], [100, 2]), ctxOf(server))).toEqual({ ok: true, empty: false });
    });
  });
});
