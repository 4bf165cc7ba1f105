import { describe, expect, test } from '@jest/globals';
import { BOARD_LIMITS, type Shape } from '@relab/shared';
import * as Y from 'yjs';
import { BoardModel, canEdit, drawOrder, validateLocally, type BoardModelOptions } from './BoardModel.js';
import { connectorEnds, contentBounds, edgePoint } from './geometry.js';
import { newShapeId, newUuid } from './ids.js';

const ANN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BOB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const FAC = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const NOW = new Date('2026-05-04T10:00:00.000Z');

function model(options: Partial<BoardModelOptions> = {}, doc = new Y.Doc()) {
  return new BoardModel(doc, { authorId: ANN, now: () => NOW, ...options });
}

/** Two clients whose documents exchange every update at once, in both directions (like the server would relay). */
function pair() {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const remote = { remote: true };
  docA.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== remote) Y.applyUpdate(docB, u, remote);
  });
  docB.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== remote) Y.applyUpdate(docA, u, remote);
  });
  return { a: model({ authorId: ANN }, docA), b: model({ authorId: BOB }, docB) };
}

const sticky = (m: BoardModel, x = 0, y = 0, extra: object = {}) => m.addShape({ type: 'sticky', x, y, ...extra })!;
const at = (m: BoardModel, id: string) => {
  const s = m.get(id);
  return s ? { x: s.x, y: s.y } : null;
};

describe('ids', () => {
  test('shape ids and uuids have the shapes the schema wants', () => {
    for (let i = 0; i < 50; i++) {
      expect(newShapeId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(newShapeId()).not.toEqual(newShapeId());
  });
});

describe('adding shapes', () => {
  test('a sticky note gets its defaults, an id, a z above the others, my user id and the time', () => {
    const m = model();
    const first = sticky(m, 10, 20);
    expect(first).toMatchObject({ type: 'sticky', x: 10, y: 20, w: 160, h: 120, color: 'yellow', text: '', locked: false, frameId: null, authorId: ANN, createdAt: NOW.toISOString() });
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const second = m.addShape({ type: 'ellipse', x: 0, y: 0, color: 'pink' })!;
    expect(second.z).toBe(first.z + 1);
    expect(m.shapesMap.get(first.id)).toEqual(first);
    expect(m.shapes().map((s) => s.id)).toEqual([first.id, second.id]);
  });

  test('every type can be added from its few own fields', () => {
    const m = model();
    const a = sticky(m);
    const b = m.addShape({ type: 'rect', x: 400, y: 0 })!;
    const all = [
      m.addShape({ type: 'text', x: 0, y: 300, text: 'Hallo' }),
      m.addShape({ type: 'frame', x: -1000, y: -1000, title: 'Kader' }),
      m.addShape({ type: 'connector', from: a.id, to: b.id }),
      m.addShape({ type: 'drawing', x: 5, y: 5, points: [0, 0, 10, 10, 20, 5] }),
    ];
    expect(all.every((s) => s !== null)).toBe(true);
    expect(m.size).toBe(6);
  });

  test('my own fields cannot be chosen: id, author and time are set by the model', () => {
    const m = model();
    const s = m.addShape({ type: 'sticky', x: 0, y: 0, id: 'mine-mine-mine', authorId: BOB, createdAt: '2000-01-01T00:00:00.000Z' } as never)!;
    expect(s.id).not.toBe('mine-mine-mine');
    expect(s.authorId).toBe(ANN);
    expect(s.createdAt).toBe(NOW.toISOString());
  });

  test('a connector needs two different existing shapes (not connectors)', () => {
    const m = model();
    const a = sticky(m);
    const b = sticky(m, 300);
    expect(m.addShape({ type: 'connector', from: a.id, to: a.id })).toBeNull();
    expect(m.addShape({ type: 'connector', from: a.id, to: 'does-not-exist' })).toBeNull();
    const c = m.addShape({ type: 'connector', from: a.id, to: b.id })!;
    expect(m.addShape({ type: 'connector', from: a.id, to: c.id })).toBeNull();
    expect(c).toMatchObject({ from: a.id, to: b.id, label: '', frameId: null });
  });

  test('text longer than the limit is cut, a stroke stops at the points limit', () => {
    const m = model();
    const s = m.addShape({ type: 'sticky', x: 0, y: 0, text: 'x'.repeat(BOARD_LIMITS.text + 50) })!;
    expect(s.type === 'sticky' && s.text.length).toBe(BOARD_LIMITS.text);
    const points = Array.from({ length: BOARD_LIMITS.points + 11 }, (_, i) => i % 100);
    const d = m.addShape({ type: 'drawing', x: 0, y: 0, points })!;
    expect(d.type === 'drawing' && d.points.length).toBe(BOARD_LIMITS.points);
  });

  test('a shape dropped inside a frame belongs to it; frames never belong to a frame', () => {
    const m = model();
    const frame = m.addShape({ type: 'frame', x: 0, y: 0, w: 600, h: 400 })!;
    expect(sticky(m, 100, 100).frameId).toBe(frame.id);
    expect(sticky(m, 900, 100).frameId).toBeNull();
    expect(m.addShape({ type: 'frame', x: 50, y: 50, w: 100, h: 100 })!.frameId).toBeNull();
  });

  test('nothing is added beyond the shapes limit', () => {
    const m = model();
    m.doc.transact(() => {
      for (let i = 0; i < BOARD_LIMITS.shapes; i++) {
        const id = `filler-${String(i).padStart(6, '0')}`;
        m.shapesMap.set(id, { id, type: 'rect', x: i, y: 0, w: 10, h: 10, z: i, color: 'grey', text: '', authorId: ANN, createdAt: NOW.toISOString(), locked: false, frameId: null });
      }
    });
    expect(m.size).toBe(BOARD_LIMITS.shapes);
    expect(sticky(m)).toBeNull();
  });

  test('only a facilitator creates a locked shape', () => {
    expect(model().addShape({ type: 'sticky', x: 0, y: 0, locked: true })!.locked).toBe(false);
    expect(model({ authorId: FAC, isFacilitator: true }).addShape({ type: 'sticky', x: 0, y: 0, locked: true })!.locked).toBe(true);
  });
});

describe('changing shapes', () => {
  test('an update replaces the whole value but keeps id, type, author and creation time', () => {
    const m = model();
    const s = sticky(m);
    expect(m.updateShape(s.id, { text: 'Werk zoeken', color: 'pink', id: 'other-id-123', authorId: BOB, type: 'rect', createdAt: '2001-01-01T00:00:00.000Z' } as never)).toBe(true);
    expect(m.get(s.id)).toEqual({ ...s, text: 'Werk zoeken', color: 'pink' });
  });

  test('an invalid change is refused and nothing is written', () => {
    const m = model();
    const s = sticky(m);
    for (const patch of [{ x: Number.NaN }, { y: Number.POSITIVE_INFINITY }, { w: 0 }, { color: 'black' }, { x: BOARD_LIMITS.coordinate * 2 }]) {
      expect(m.updateShape(s.id, patch as never)).toBe(false);
    }
    expect(m.get(s.id)).toEqual(s);
    expect(m.updateShape('unknown-shape', { x: 1 })).toBe(false);
  });

  test('moving several shapes; a frame carries its shapes; a shape dragged out leaves its frame', () => {
    const m = model();
    const frame = m.addShape({ type: 'frame', x: 0, y: 0, w: 600, h: 400 })!;
    const inside = sticky(m, 100, 100);
    const outside = sticky(m, 1000, 0);
    m.moveShapes([frame.id, outside.id], 50, -20);
    expect(at(m, frame.id)).toEqual({ x: 50, y: -20 });
    expect(at(m, inside.id)).toEqual({ x: 150, y: 80 });
    expect(at(m, outside.id)).toEqual({ x: 1050, y: -20 });
    expect(m.get(inside.id)!.frameId).toBe(frame.id);

    m.moveShapes([inside.id], 2000, 0);
    expect(m.get(inside.id)!.frameId).toBeNull();
    m.moveShapes([outside.id], -900, 100);
    expect(m.get(outside.id)!.frameId).toBe(frame.id);
  });

  test('coordinates stay within the limits; NaN moves nothing; connectors are not moved themselves', () => {
    const m = model();
    const s = sticky(m);
    const t = sticky(m, 500);
    const c = m.addShape({ type: 'connector', from: s.id, to: t.id })!;
    m.moveShapes([s.id], BOARD_LIMITS.coordinate * 3, 0);
    expect(m.get(s.id)!.x).toBe(BOARD_LIMITS.coordinate);
    expect(m.moveShapes([s.id], Number.NaN, 0)).toEqual([]);
    expect(m.moveShapes([c.id], 10, 10)).toEqual([]);
  });

  test('resizing keeps sizes within the limits; a drawing scales its points', () => {
    const m = model();
    const s = sticky(m);
    m.resizeShape(s.id, { x: -5, y: -6, w: 1, h: 99_999 });
    expect(m.get(s.id)).toMatchObject({ x: -5, y: -6, w: BOARD_LIMITS.size.min, h: BOARD_LIMITS.size.max });
    const d = m.addShape({ type: 'drawing', x: 100, y: 100, points: [10, 10, 30, 20] })!;
    m.resizeShape(d.id, { x: 0, y: 0, w: 40, h: 40 });
    expect(m.get(d.id)).toMatchObject({ x: 0, y: 0, points: [0, 0, 40, 40] });
  });

  test('deleting a shape deletes the connectors attached to it; a deleted frame lets its shapes go', () => {
    const m = model();
    const frame = m.addShape({ type: 'frame', x: 0, y: 0, w: 600, h: 400 })!;
    const a = sticky(m, 10, 10);
    const b = sticky(m, 300, 10);
    const c = sticky(m, 1000, 10);
    const ab = m.addShape({ type: 'connector', from: a.id, to: b.id })!;
    const bc = m.addShape({ type: 'connector', from: b.id, to: c.id })!;
    const ac = m.addShape({ type: 'connector', from: a.id, to: c.id })!;
    expect(m.deleteShapes([b.id]).sort()).toEqual([b.id, ab.id, bc.id].sort());
    expect(m.get(ac.id)).not.toBeNull();
    expect(m.get(a.id)!.frameId).toBe(frame.id);
    m.deleteShapes([frame.id]);
    expect(m.get(a.id)).toMatchObject({ frameId: null, x: 10 });
    expect(m.size).toBe(3);
  });

  test('bring to front puts the shapes above all others, in their own order', () => {
    const m = model();
    const a = sticky(m);
    const b = sticky(m);
    const c = sticky(m);
    m.bringToFront([b.id, a.id]);
    expect(m.shapes().map((s) => s.id)).toEqual([c.id, a.id, b.id]);
  });

  test('frames are drawn behind everything', () => {
    const m = model();
    const s = sticky(m, 10, 10);
    const f = m.addShape({ type: 'frame', x: 0, y: 0 })!;
    expect(drawOrder(m.shapes()).map((x) => x.id)).toEqual([f.id, s.id]);
  });

  test('a value that breaks the schema (from elsewhere) is ignored, not shown', () => {
    const m = model();
    m.shapesMap.set('broken-shape-1', { id: 'broken-shape-1', type: 'star' });
    m.shapesMap.set('wrong-key-123', { ...sticky(m), id: 'other-key-456' });
    expect(m.get('broken-shape-1')).toBeNull();
    expect(m.get('wrong-key-123')).toBeNull();
    expect(m.size).toBe(1);
  });

  test('subscribers hear every change; the snapshot is new only after one', () => {
    const m = model();
    let calls = 0;
    m.subscribe(() => calls++);
    const before = m.snapshot();
    expect(m.snapshot()).toBe(before);
    const s = sticky(m);
    expect(calls).toBe(1);
    const after = m.snapshot();
    expect(after).not.toBe(before);
    m.updateShape(s.id, { text: 'a' });
    // Unchanged shapes keep their object (memoised components are not redrawn).
    const kept = m.snapshot().byId.get(s.id);
    sticky(m);
    expect(m.snapshot().byId.get(s.id)).toBe(kept);
  });
});

describe('validateLocally (the shared schema)', () => {
  const good = (): Shape => ({ id: 'abcdefgh1234', type: 'sticky', x: 1, y: 2, w: 100, h: 100, z: 1, color: 'yellow', text: 'ok', authorId: ANN, createdAt: NOW.toISOString(), locked: false, frameId: null });

  test('accepts a complete shape', () => {
    expect(validateLocally(good())).toEqual(good());
  });

  test.each([
    ['an unknown type', { type: 'star' }],
    ['NaN', { x: Number.NaN }],
    ['Infinity', { y: Number.POSITIVE_INFINITY }],
    ['too much text', { text: 'x'.repeat(BOARD_LIMITS.text + 1) }],
    ['a colour outside the palette', { color: '#ff0000' }],
    ['a bad id', { id: 'no spaces please' }],
    ['an author who is not a user id', { authorId: 'bob' }],
    ['a size of zero', { w: 0 }],
    ['a field of another type', { points: [0, 0] }],
    ['a nested value', { text: { nested: true } }],
  ])('refuses %s', (_, patch) => {
    expect(validateLocally({ ...good(), ...patch })).toBeNull();
  });

  test.each(['x', 'z', 'authorId', 'createdAt', 'locked', 'frameId', 'text', 'color'])('refuses a shape without %s', (field) => {
    const shape: Record<string, unknown> = { ...good() };
    delete shape[field];
    expect(validateLocally(shape)).toBeNull();
  });

  test('refuses strokes over the points limit or with an odd number of values', () => {
    const stroke = { ...good(), type: 'drawing', color: 'blue', strokeWidth: 3 } as Record<string, unknown>;
    delete stroke.w;
    delete stroke.h;
    delete stroke.text;
    expect(validateLocally({ ...stroke, points: [0, 0, 1, 1] })).not.toBeNull();
    expect(validateLocally({ ...stroke, points: [0, 0, 1] })).toBeNull();
    expect(validateLocally({ ...stroke, points: new Array(BOARD_LIMITS.points + 2).fill(1) })).toBeNull();
    expect(validateLocally(null)).toBeNull();
  });
});

describe('locks', () => {
  test('canEdit: facilitators always; the others neither a locked shape nor anything on a locked board', () => {
    const s = { locked: false } as Shape;
    const locked = { locked: true } as Shape;
    expect(canEdit(s, { isFacilitator: false, boardLocked: false })).toBe(true);
    expect(canEdit(locked, { isFacilitator: false, boardLocked: false })).toBe(false);
    expect(canEdit(s, { isFacilitator: false, boardLocked: true })).toBe(false);
    expect(canEdit(locked, { isFacilitator: true, boardLocked: true })).toBe(true);
  });

  test('a locked shape cannot be changed, moved or deleted by a member; a facilitator can', () => {
    const doc = new Y.Doc();
    const fac = model({ authorId: FAC, isFacilitator: true }, doc);
    const member = model({ authorId: ANN }, doc);
    const s = sticky(fac, 0, 0, { locked: true });
    expect(member.updateShape(s.id, { text: 'x' })).toBe(false);
    expect(member.moveShapes([s.id], 10, 10)).toEqual([]);
    expect(member.resizeShape(s.id, { x: 0, y: 0, w: 300, h: 300 })).toBe(false);
    expect(member.deleteShapes([s.id])).toEqual([]);
    expect(member.setLocked([s.id], false)).toBe(false);
    expect(member.get(s.id)).toEqual(s);
    expect(fac.moveShapes([s.id], 10, 10)).toEqual([s.id]);
    expect(fac.setLocked([s.id], false)).toBe(true);
    expect(member.updateShape(s.id, { text: 'now I can' })).toBe(true);
    // …but a member cannot lock it again
    expect(member.updateShape(s.id, { locked: true })).toBe(true);
    expect(member.get(s.id)!.locked).toBe(false);
  });

  test('a locked board: members add, change and delete nothing; settings are for facilitators; the vote is the server’s', () => {
    const doc = new Y.Doc();
    const fac = model({ authorId: FAC, isFacilitator: true }, doc);
    const member = model({ authorId: ANN }, doc);
    const s = sticky(member);
    expect(member.setBoardSetting('locked', true)).toBe(false);
    expect(fac.setBoardSetting('locked', true)).toBe(true);
    expect(member.boardLocked).toBe(true);
    expect(sticky(member)).toBeNull();
    expect(member.updateShape(s.id, { text: 'x' })).toBe(false);
    expect(member.deleteShapes([s.id])).toEqual([]);
    expect(fac.setBoardSetting('vote', { roundId: newUuid(), open: true, votesPerMember: 3, results: null })).toBe(false);
    expect(fac.setBoardSetting('timer', { endsAt: null, seconds: 1 })).toBe(false);
    expect(fac.setBoardSetting('timer', { endsAt: NOW.toISOString(), seconds: 300 })).toBe(true);
    expect(member.settings()).toEqual({ locked: true, timer: { endsAt: NOW.toISOString(), seconds: 300 } });
  });
});

describe('undo and redo per person', () => {
  test('my undo reverts my own change only; the other person’s change stays, and their undo reverts only theirs', () => {
    const { a, b } = pair();
    const s = sticky(a, 0, 0); // Ann's note
    const t = sticky(b, 500, 0); // Bob's note
    expect(b.get(s.id)).not.toBeNull();
    a.moveShapes([s.id], 10, 0); // Ann moves hers
    b.moveShapes([t.id], 0, 10); // Bob moves his

    expect(a.undo()).toBe('done');
    expect(at(a, s.id)).toEqual({ x: 0, y: 0 });
    expect(at(a, t.id)).toEqual({ x: 500, y: 10 });
    expect(at(b, s.id)).toEqual({ x: 0, y: 0 });

    expect(b.undo()).toBe('done');
    expect(at(b, t.id)).toEqual({ x: 500, y: 0 });
    expect(at(b, s.id)).toEqual({ x: 0, y: 0 });

    expect(a.redo()).toBe('done');
    expect(at(b, s.id)).toEqual({ x: 10, y: 0 });
    expect(at(b, t.id)).toEqual({ x: 500, y: 0 });
  });

  test('Ann adds a note, Bob moves it, Ann undoes: Bob’s move is not undone', () => {
    const { a, b } = pair();
    const s = sticky(a, 0, 0);
    b.moveShapes([s.id], 300, 300);
    a.undo();
    // Ann's undo only takes back her own value; Bob's newer value of the note is his, and stays.
    expect(at(a, s.id)).toEqual({ x: 300, y: 300 });
    expect(at(b, s.id)).toEqual({ x: 300, y: 300 });
    // Bob's undo takes his move back (to where Ann had put it).
    expect(b.undo()).toBe('done');
    expect(at(a, s.id)).toEqual({ x: 0, y: 0 });
  });

  test('a remote change never lands on my undo stack', () => {
    const { a, b } = pair();
    sticky(b);
    expect(a.canUndo).toBe(false);
    expect(a.undo()).toBe('empty');
    expect(a.size).toBe(1);
  });

  test('each action is its own step; a drag or typing merged into one', () => {
    const m = model({ captureTimeout: 60_000 });
    const s = sticky(m);
    m.stopCapturing();
    for (let i = 1; i <= 5; i++) m.moveShapes([s.id], 10, 0, { merge: true });
    m.updateShape(s.id, { text: 'a' });
    m.updateShape(s.id, { text: 'ab' }, { merge: true });
    m.undo();
    expect(m.get(s.id)).toMatchObject({ x: 50, text: '' });
    m.undo();
    expect(m.get(s.id)).toMatchObject({ x: 0 });
    m.undo();
    expect(m.get(s.id)).toBeNull();
    m.redo();
    expect(m.get(s.id)).toMatchObject({ x: 0 });
  });

  test('undoing a delete brings back the shape and its connectors', () => {
    const m = model();
    const s = sticky(m);
    const t = sticky(m, 400);
    const c = m.addShape({ type: 'connector', from: s.id, to: t.id })!;
    m.deleteShapes([s.id]);
    expect(m.get(c.id)).toBeNull();
    m.undo();
    expect(m.get(s.id)).toEqual(s);
    expect(m.get(c.id)).toEqual(c);
  });

  test('undoing would bring back someone else’s deleted shape as mine: the server refuses that, so the step is dropped', () => {
    const { a, b } = pair();
    const bobs = sticky(b, 0, 0);
    a.moveShapes([bobs.id], 5, 5);
    a.deleteShapes([bobs.id]);
    expect(a.undo()).toBe('blocked');
    expect(a.get(bobs.id)).toBeNull();
    // Ann's move of Bob's note: Bob deleted nothing, but the note is gone, so it cannot come back through Ann either.
    expect(a.undo()).toBe('blocked');
    expect(b.get(bobs.id)).toBeNull();
    // Bob's undo has nothing to take back: his note was deleted by Ann, and Ann's deletion is hers.
    expect(b.undo()).toBe('empty');
  });

  test('a step with nothing left to undo is skipped, and the step under it is checked before it is undone', () => {
    const { a, b } = pair();
    const bobs = sticky(b, 500, 0);
    const mine = sticky(a, 0, 0);
    a.deleteShapes([bobs.id]);
    a.moveShapes([mine.id], 10, 0);
    b.moveShapes([mine.id], 0, 50); // Bob moves Ann's note after her: her move has nothing left to undo
    expect(a.undo()).toBe('blocked'); // …and bringing Bob's note back as hers is not allowed
    expect(a.get(bobs.id)).toBeNull();
    expect(at(a, mine.id)).toEqual({ x: 10, y: 50 });
  });

  test('an undo step touching a shape locked since then is dropped, not sent to be refused', () => {
    const docA = new Y.Doc();
    const member = model({ authorId: ANN }, docA);
    const fac = model({ authorId: FAC, isFacilitator: true }, docA);
    const s = sticky(member);
    member.moveShapes([s.id], 50, 0);
    fac.setLocked([s.id], true);
    expect(member.undo()).toBe('blocked');
    expect(at(member, s.id)).toEqual({ x: 50, y: 0 });
    expect(member.canUndo).toBe(true); // the step before (adding it) is still there
  });
});

describe('geometry', () => {
  test('connectors end on the edges of their shapes', () => {
    const m = model();
    const a = sticky(m, 0, 0, { w: 100, h: 100 });
    const b = sticky(m, 300, 0, { w: 100, h: 100 });
    expect(connectorEnds(a, b)).toEqual([
      { x: 100, y: 50 },
      { x: 300, y: 50 },
    ]);
    const e = m.addShape({ type: 'ellipse', x: 0, y: 0, w: 100, h: 100 })!;
    const p = edgePoint(e, { x: 50, y: 500 });
    expect(p.x).toBeCloseTo(50);
    expect(p.y).toBeCloseTo(100);
  });

  test('content bounds cover drawings, and frame titles above frames', () => {
    const m = model();
    expect(contentBounds([])).toBeNull();
    m.addShape({ type: 'drawing', x: 100, y: 100, points: [0, 0, 50, 20], strokeWidth: 2 });
    m.addShape({ type: 'frame', x: 0, y: 0, w: 40, h: 40 });
    expect(contentBounds(m.shapes())).toEqual({ x: 0, y: -28, w: 151, h: 149 });
  });
});

describe('drawing other people’s changes', () => {
  test('my changes notify at once; other people’s are gathered and notified together after remoteBatchMs', async () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const mine = model({ remoteBatchMs: 30 }, docA);
    const theirs = model({ authorId: BOB }, docB);
    let calls = 0;
    mine.subscribe(() => calls++);
    sticky(mine, 0, 0);
    expect(calls).toBe(1);
    const a = sticky(theirs, 10, 10);
    const b = sticky(theirs, 20, 20);
    for (const update of [Y.encodeStateAsUpdate(docB)]) Y.applyUpdate(docA, update, { remote: true });
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), { remote: true });
    theirs.moveShapes([a.id], 5, 5);
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), { remote: true });
    // the model itself is up to date at once; listeners wait for the batch
    expect(mine.get(b.id)).not.toBeNull();
    expect(mine.get(a.id)).toMatchObject({ x: 15, y: 15 });
    expect(calls).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(2);
    expect(mine.snapshot().byId.size).toBe(3);
    mine.destroy();
  });
});
