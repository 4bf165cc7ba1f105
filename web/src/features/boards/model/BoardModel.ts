/**
 * The whiteboard over its Y.Doc (`board:<id>`, ADR 0007): pure TypeScript, no React, no DOM.
 *
 * - `shapes`: shape id → one plain JSON shape (`shapeSchema`). A change replaces the whole value, never nested Y types.
 * - `board`: facilitator settings (lock, timer, focus); `vote` is written by the server only.
 *
 * Every write goes through this class, is checked locally against the same schema and rules as the server (so the
 * server never has to refuse one of ours) and is made with this client's own transaction origin: the undo manager
 * tracks that origin only, so my undo never undoes someone else's work.
 */
import {
  BOARD_LIMITS,
  parseBoardSetting,
  parseShape,
  type BoardSettingKey,
  type BoardSettings,
  type Shape,
  type ShapeOf,
  type ShapeType,
} from '@relab/shared';
import * as Y from 'yjs';
import { boxOf, centerOf, clamp, frameAt, type Box } from './geometry.js';
import { newShapeId } from './ids.js';

type Fixed = 'type' | 'id' | 'authorId' | 'createdAt';

/** What `addShape` needs: the type, and whatever differs from the defaults (connectors need `from`/`to`, drawings `points`). */
export type ShapeInput = {
  [T in ShapeType]: { type: T } & Partial<Omit<ShapeOf<T>, Fixed | 'z'>>;
}[ShapeType];

/** A change to a shape: any of its own fields except its identity, author and creation time. */
export type ShapePatch = Shape extends infer S ? (S extends Shape ? Partial<Omit<S, Fixed>> : never) : never;

export interface EditContext {
  isFacilitator: boolean;
  boardLocked: boolean;
}

/**
 * Whether a shape may be changed (moved, resized, edited, deleted) by someone: facilitators always; the others not
 * on a locked board, nor a locked shape. The server applies the same rule.
 */
export function canEdit(shape: Shape, { isFacilitator, boardLocked }: EditContext): boolean {
  if (isFacilitator) return true;
  return !boardLocked && !shape.locked;
}

/** Local check of a shape against the shared schema (what the server would accept); null when it would refuse it. */
export function validateLocally(shape: unknown): Shape | null {
  const id = shape !== null && typeof shape === 'object' ? (shape as { id?: unknown }).id : undefined;
  return parseShape(id, shape);
}

/** Default sizes and colours of new shapes. */
export const SHAPE_DEFAULTS = {
  sticky: { w: 160, h: 120, color: 'yellow', text: '' },
  text: { w: 240, h: 40, text: '', fontSize: 20 },
  rect: { w: 200, h: 120, color: 'blue', text: '' },
  ellipse: { w: 160, h: 160, color: 'green', text: '' },
  frame: { w: 600, h: 400, title: '' },
  connector: { label: '' },
  drawing: { color: 'blue', strokeWidth: 3 },
} as const;

/** Text fields per type, cut at the limit rather than refused. */
const TEXT_FIELDS = ['text', 'title', 'label'] as const;

export type UndoResult = 'done' | 'empty' | 'blocked';

export interface BoardModelOptions {
  /** The user writing (author of new shapes). */
  authorId: string;
  isFacilitator?: boolean;
  now?: () => Date;
  newId?: () => string;
  /** Undo steps closer together than this (ms) are merged; every discrete action starts a new step anyway. */
  captureTimeout?: number;
  /** Other people's changes are shown together at most this often (ms); 0 = at once. */
  remoteBatchMs?: number;
}

export interface ShapesSnapshot {
  version: number;
  byId: ReadonlyMap<string, Shape>;
  /** Drawing order: frames behind everything, then by z (ties by id, so every client draws the same). */
  ordered: readonly Shape[];
}

/** Drawing order of shapes: frames first, then by `z`, ties broken by id. */
export function drawOrder(shapes: Iterable<Shape>): Shape[] {
  return [...shapes].sort((a, b) => Number(b.type === 'frame') - Number(a.type === 'frame') || a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const coordinate = (v: number) => clamp(v, -BOARD_LIMITS.coordinate, BOARD_LIMITS.coordinate);
const size = (v: number) => clamp(v, BOARD_LIMITS.size.min, BOARD_LIMITS.size.max);
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class BoardModel {
  readonly doc: Y.Doc;
  readonly shapesMap: Y.Map<unknown>;
  readonly boardMap: Y.Map<unknown>;
  /** Origin of this client's transactions (the only one the undo manager tracks). */
  readonly origin: object = { board: 'local' };
  readonly undoManager: Y.UndoManager;

  private authorId: string;
  private isFacilitator: boolean;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly byId = new Map<string, Shape>();
  private snapshotCache: ShapesSnapshot | null = null;
  private version = 0;
  private readonly remoteBatchMs: number;
  private remoteTimer: ReturnType<typeof setTimeout> | null = null;
  private settingsCache: BoardSettings | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly settingsListeners = new Set<() => void>();
  private readonly historyListeners = new Set<() => void>();

  constructor(doc: Y.Doc, options: BoardModelOptions) {
    this.doc = doc;
    this.shapesMap = doc.getMap('shapes');
    this.boardMap = doc.getMap('board');
    this.authorId = options.authorId;
    this.isFacilitator = options.isFacilitator ?? false;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newShapeId;
    this.shapesMap.forEach((value, key) => {
      const shape = parseShape(key, value);
      if (shape) this.byId.set(key, shape);
    });
    this.remoteBatchMs = options.remoteBatchMs ?? 0;
    this.shapesMap.observe(this.onShapes);
    this.boardMap.observe(this.onBoard);
    this.undoManager = new Y.UndoManager([this.shapesMap, this.boardMap], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: options.captureTimeout ?? 500,
    });
    this.undoManager.on('stack-item-added', this.recordKeys);
    this.undoManager.on('stack-item-updated', this.recordKeys);
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
      this.undoManager.on(event, () => this.historyListeners.forEach((l) => l()));
    }
  }

  destroy(): void {
    if (this.remoteTimer) clearTimeout(this.remoteTimer);
    this.shapesMap.unobserve(this.onShapes);
    this.boardMap.unobserve(this.onBoard);
    this.undoManager.destroy();
    this.listeners.clear();
    this.settingsListeners.clear();
    this.historyListeners.clear();
  }

  setContext({ authorId, isFacilitator }: { authorId?: string; isFacilitator?: boolean }): void {
    if (authorId) this.authorId = authorId;
    if (isFacilitator !== undefined) this.isFacilitator = isFacilitator;
  }

  // ------------------------------------------------------------------------------------------------ reading

  get(id: string): Shape | null {
    return this.byId.get(id) ?? null;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every valid shape in drawing order (a value breaking the schema is ignored). */
  shapes(): readonly Shape[] {
    return this.snapshot().ordered;
  }

  /** An immutable view for React (`useSyncExternalStore`): a new object only after a change. */
  snapshot(): ShapesSnapshot {
    if (!this.snapshotCache) this.snapshotCache = { version: this.version, byId: new Map(this.byId), ordered: drawOrder(this.byId.values()) };
    return this.snapshotCache;
  }

  /** Called after every change of the shapes (local or remote). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  settings(): BoardSettings {
    if (!this.settingsCache) {
      const out: Record<string, unknown> = {};
      this.boardMap.forEach((value, key) => {
        const parsed = parseBoardSetting(key, value);
        if (parsed) out[parsed.key] = parsed.value;
      });
      this.settingsCache = out as BoardSettings;
    }
    return this.settingsCache;
  }

  subscribeSettings(listener: () => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  get boardLocked(): boolean {
    return this.settings().locked === true;
  }

  get context(): EditContext {
    return { isFacilitator: this.isFacilitator, boardLocked: this.boardLocked };
  }

  /** May I change this shape now? */
  canEdit(shape: Shape): boolean {
    return canEdit(shape, this.context);
  }

  /** May I add shapes now? */
  get canAdd(): boolean {
    return this.isFacilitator || !this.boardLocked;
  }

  private maxZ(): number {
    let max = -Infinity;
    for (const s of this.byId.values()) if (s.z > max) max = s.z;
    return max === -Infinity ? 0 : max;
  }

  private readonly onShapes = (event: Y.YMapEvent<unknown>): void => {
    // For my own changes (and undos), compute the old values now: the undo manager reads them afterwards (authors).
    const origin = event.transaction.origin;
    if (origin === this.origin || origin === this.undoManager) void event.changes;
    for (const key of event.keysChanged) {
      const shape = this.shapesMap.has(key) ? parseShape(key, this.shapesMap.get(key)) : null;
      if (shape) this.byId.set(key, shape);
      else this.byId.delete(key);
    }
    this.version++;
    this.snapshotCache = null;
    // my own changes show at once; other people's are gathered and shown together at most every
    // `remoteBatchMs` (30 people moving notes on 2,000 shapes would otherwise re-render the board 100 times a second)
    if (origin === this.origin || origin === this.undoManager || this.remoteBatchMs <= 0) return this.flushShapes();
    this.remoteTimer ??= setTimeout(() => this.flushShapes(), this.remoteBatchMs);
  };

  private flushShapes(): void {
    if (this.remoteTimer) clearTimeout(this.remoteTimer);
    this.remoteTimer = null;
    this.listeners.forEach((l) => l());
  }

  private readonly onBoard = (): void => {
    this.settingsCache = null;
    this.settingsListeners.forEach((l) => l());
  };

  // ------------------------------------------------------------------------------------------------ writing

  /** One discrete change: a new undo step unless `merge` continues the previous one (a drag, typing). */
  private write(fn: () => void, merge = false): void {
    if (!merge) this.undoManager.stopCapturing();
    this.doc.transact(fn, this.origin);
  }

  /** Starts a new undo step at the next change (e.g. when a drag begins). */
  stopCapturing(): void {
    this.undoManager.stopCapturing();
  }

  /** The frame a (non-frame) shape dropped at this box belongs to. */
  private frameFor(shape: Pick<Shape, 'type' | 'id'>, box: Box | null, frames: Iterable<Shape>): string | null {
    if (shape.type === 'frame' || shape.type === 'connector' || !box) return null;
    return frameAt(frames, centerOf(box), shape.id)?.id ?? null;
  }

  private frames(): Shape[] {
    return [...this.byId.values()].filter((s) => s.type === 'frame');
  }

  /** Cuts text fields at the limit. */
  private static clipText<T extends Record<string, unknown>>(value: T): T {
    const out: Record<string, unknown> = { ...value };
    for (const field of TEXT_FIELDS) {
      if (typeof out[field] === 'string' && (out[field] as string).length > BOARD_LIMITS.text) out[field] = (out[field] as string).slice(0, BOARD_LIMITS.text);
    }
    return out as T;
  }

  /** Builds a complete, valid shape from `input` (defaults, id, z, author, time), or null when it cannot be one. */
  buildShape(input: ShapeInput): Shape | null {
    const defaults = SHAPE_DEFAULTS[input.type];
    const candidate: Record<string, unknown> = {
      x: 0,
      y: 0,
      locked: false,
      frameId: null,
      ...defaults,
      ...input,
      id: this.newId(),
      z: this.maxZ() + 1,
      authorId: this.authorId,
      createdAt: this.now().toISOString(),
    };
    if (!this.isFacilitator) candidate.locked = false;
    if (input.type === 'connector') {
      const from = this.get(String(input.from));
      const to = this.get(String(input.to));
      if (!from || !to || from.id === to.id || from.type === 'connector' || to.type === 'connector') return null;
      candidate.frameId = null;
    }
    if (input.type === 'drawing' && Array.isArray(input.points)) {
      const points = input.points.slice(0, BOARD_LIMITS.points);
      candidate.points = points.length % 2 === 0 ? points : points.slice(0, -1);
    }
    if (typeof candidate.x === 'number') candidate.x = coordinate(candidate.x);
    if (typeof candidate.y === 'number') candidate.y = coordinate(candidate.y);
    if (typeof candidate.w === 'number') candidate.w = size(candidate.w);
    if (typeof candidate.h === 'number') candidate.h = size(candidate.h);
    const clipped = BoardModel.clipText(candidate);
    if (!('frameId' in input) || input.frameId === undefined) {
      const draft = validateLocally(clipped);
      clipped.frameId = draft ? this.frameFor(draft, boxOf(draft), this.frames()) : null;
    }
    return validateLocally(clipped);
  }

  /** Adds a shape; returns it, or null when it is not allowed or not valid (or the board is full). */
  addShape(input: ShapeInput): Shape | null {
    if (!this.canAdd || this.byId.size >= BOARD_LIMITS.shapes) return null;
    const shape = this.buildShape(input);
    if (!shape) return null;
    this.write(() => this.shapesMap.set(shape.id, shape));
    return shape;
  }

  /** Changes fields of a shape (never its id, type, author or creation time); false when refused or invalid. */
  updateShape(id: string, patch: ShapePatch, options: { merge?: boolean } = {}): boolean {
    const current = this.get(id);
    if (!current || !this.canEdit(current)) return false;
    const next = BoardModel.clipText({
      ...current,
      ...(patch as Record<string, unknown>),
      id: current.id,
      type: current.type,
      authorId: current.authorId,
      createdAt: current.createdAt,
    });
    if (!this.isFacilitator) next.locked = current.locked;
    const valid = validateLocally(next);
    if (!valid) return false;
    if (sameJson(valid, current)) return true;
    this.write(() => this.shapesMap.set(id, valid), options.merge);
    return true;
  }

  /**
   * Moves shapes by (dx, dy). A frame carries the shapes inside it; a shape moved on its own joins the frame it is
   * dropped in (or leaves its frame). Connectors follow their shapes. Shapes I may not change stay where they are.
   */
  moveShapes(ids: Iterable<string>, dx: number, dy: number, options: { merge?: boolean } = {}): string[] {
    if (!Number.isFinite(dx) || !Number.isFinite(dy)) return [];
    const explicit = new Map<string, Shape>();
    for (const id of ids) {
      const s = this.get(id);
      if (s && s.type !== 'connector' && this.canEdit(s)) explicit.set(id, s);
    }
    const movingFrames = new Set([...explicit.values()].filter((s) => s.type === 'frame').map((s) => s.id));
    const carried = new Map<string, Shape>();
    if (movingFrames.size > 0) {
      for (const s of this.byId.values()) {
        if (s.frameId && movingFrames.has(s.frameId) && !explicit.has(s.id) && s.type !== 'connector' && this.canEdit(s)) carried.set(s.id, s);
      }
    }
    const moved = new Map<string, Shape>();
    for (const s of [...explicit.values(), ...carried.values()]) {
      moved.set(s.id, { ...s, x: coordinate(s.x + dx), y: coordinate(s.y + dy) } as Shape);
    }
    // Frames where they will be after this move.
    const frames = [...this.byId.values()].filter((s) => s.type === 'frame').map((f) => moved.get(f.id) ?? f);
    for (const [id, s] of moved) {
      if (!explicit.has(id) || s.type === 'frame') continue;
      const frameId = this.frameFor(s, boxOf(s), frames);
      if (frameId !== s.frameId) moved.set(id, { ...s, frameId } as Shape);
    }
    const changed: Shape[] = [];
    for (const s of moved.values()) {
      const valid = validateLocally(s);
      if (valid && !sameJson(valid, this.get(valid.id))) changed.push(valid);
    }
    if (changed.length === 0) return [];
    this.write(() => changed.forEach((s) => this.shapesMap.set(s.id, s)), options.merge);
    return changed.map((s) => s.id);
  }

  /**
   * Gives a shape a new box. For a drawing the box is that of its points: they are scaled to fit (x, y become the
   * box's corner). Sizes are kept within the limits; a shape joins the frame it now lies in.
   */
  resizeShape(id: string, box: Box, options: { merge?: boolean } = {}): boolean {
    const current = this.get(id);
    if (!current || current.type === 'connector' || !this.canEdit(current)) return false;
    if (![box.x, box.y, box.w, box.h].every(Number.isFinite)) return false;
    let next: Shape;
    if (current.type === 'drawing') {
      const xs = current.points.filter((_, i) => i % 2 === 0);
      const ys = current.points.filter((_, i) => i % 2 === 1);
      const minX = Math.min(...xs);
      const minY = Math.min(...ys);
      const extentX = Math.max(...xs) - minX;
      const extentY = Math.max(...ys) - minY;
      const limit = BOARD_LIMITS.size.max;
      const sx = extentX > 0 ? Math.min(Math.max(box.w, 1) / extentX, limit / extentX) : 1;
      const sy = extentY > 0 ? Math.min(Math.max(box.h, 1) / extentY, limit / extentY) : 1;
      const points = current.points.map((p, i) => Math.round((i % 2 === 0 ? (p - minX) * sx : (p - minY) * sy) * 100) / 100);
      next = { ...current, x: coordinate(box.x), y: coordinate(box.y), points };
    } else {
      next = { ...current, x: coordinate(box.x), y: coordinate(box.y), w: size(box.w), h: size(box.h) };
    }
    if (next.type !== 'frame') next = { ...next, frameId: this.frameFor(next, boxOf(next), this.frames()) } as Shape;
    const valid = validateLocally(next);
    if (!valid) return false;
    if (sameJson(valid, current)) return true;
    this.write(() => this.shapesMap.set(id, valid), options.merge);
    return true;
  }

  /**
   * Deletes shapes, and the connectors attached to them. The shapes of a deleted frame stay (they leave the frame).
   * Returns the ids deleted.
   */
  deleteShapes(ids: Iterable<string>): string[] {
    const doomed = new Set<string>();
    for (const id of ids) {
      const s = this.get(id);
      if (s && this.canEdit(s)) doomed.add(id);
    }
    if (doomed.size === 0) return [];
    const released: Shape[] = [];
    for (const s of this.byId.values()) {
      if (doomed.has(s.id)) continue;
      if (s.type === 'connector' && (doomed.has(s.from) || doomed.has(s.to)) && this.canEdit(s)) doomed.add(s.id);
      else if (s.frameId && doomed.has(s.frameId) && this.canEdit(s)) released.push({ ...s, frameId: null } as Shape);
    }
    this.write(() => {
      doomed.forEach((id) => this.shapesMap.delete(id));
      released.forEach((s) => this.shapesMap.set(s.id, s));
    });
    return [...doomed];
  }

  /** Puts shapes in front of all others, keeping their order among themselves. */
  bringToFront(ids: Iterable<string>): boolean {
    const chosen = [...new Set(ids)]
      .map((id) => this.get(id))
      .filter((s): s is Shape => s !== null && this.canEdit(s))
      .sort((a, b) => a.z - b.z);
    if (chosen.length === 0) return false;
    const top = this.maxZ();
    const updated = chosen.map((s, i) => ({ ...s, z: top + 1 + i }) as Shape);
    this.write(() => updated.forEach((s) => this.shapesMap.set(s.id, s)));
    return true;
  }

  /** Locks or unlocks shapes (facilitators only). */
  setLocked(ids: Iterable<string>, locked: boolean): boolean {
    if (!this.isFacilitator) return false;
    const updated = [...new Set(ids)]
      .map((id) => this.get(id))
      .filter((s): s is Shape => s !== null && s.locked !== locked)
      .map((s) => ({ ...s, locked }) as Shape);
    if (updated.length === 0) return false;
    this.write(() => updated.forEach((s) => this.shapesMap.set(s.id, s)));
    return true;
  }

  /** Writes one board setting (facilitators only; `vote` is the server's). */
  setBoardSetting<K extends BoardSettingKey>(key: K, value: NonNullable<BoardSettings[K]>): boolean {
    if (!this.isFacilitator || key === 'vote') return false;
    const parsed = parseBoardSetting(key, value);
    if (!parsed) return false;
    this.write(() => this.boardMap.set(key, parsed.value));
    return true;
  }

  // ------------------------------------------------------------------------------------------------ undo / redo

  /**
   * Which shapes (and their authors, before and after) and whether board settings each undo step touches, to check
   * them before undoing: the server would refuse the whole step otherwise.
   */
  private readonly recordKeys = (event: { stackItem: { meta: Map<unknown, unknown> }; changedParentTypes: Map<unknown, unknown[]> }): void => {
    const meta = event.stackItem.meta;
    const authors = (meta.get('authors') as Map<string, Set<string>> | undefined) ?? new Map<string, Set<string>>();
    const events = (event.changedParentTypes.get(this.shapesMap) ?? []) as Y.YMapEvent<unknown>[];
    const authorOf = (value: unknown) => (value && typeof value === 'object' ? (value as { authorId?: unknown }).authorId : undefined);
    for (const e of events) {
      let changes: Y.YMapEvent<unknown>['changes']['keys'] | null = null;
      try {
        changes = e.changes.keys;
      } catch {
        changes = null;
      }
      e.keysChanged.forEach((key) => {
        const set = authors.get(key) ?? new Set<string>();
        for (const value of [changes?.get(key)?.oldValue, this.shapesMap.get(key)]) {
          const author = authorOf(value);
          if (typeof author === 'string') set.add(author);
        }
        authors.set(key, set);
      });
    }
    meta.set('authors', authors);
    if (event.changedParentTypes.has(this.boardMap)) meta.set('board', true);
  };

  /**
   * Would undoing/redoing this step make a change the server refuses: touch a shape locked since, change anything on
   * a locked board, or bring back a deleted shape of someone else (a "new" shape must be the writer's own)?
   */
  private allowed(item: { meta: Map<unknown, unknown> } | undefined): boolean {
    if (!item) return true;
    const authors = (item.meta.get('authors') as Map<string, Set<string>> | undefined) ?? new Map<string, Set<string>>();
    for (const [key, who] of authors) {
      const current = this.get(key);
      if (current && !this.canEdit(current)) return false;
      if (!current && [...who].some((a) => a !== this.authorId)) return false;
    }
    if (this.isFacilitator) return true;
    return !this.boardLocked && !item.meta.get('board');
  }

  get canUndo(): boolean {
    return this.undoManager.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.undoManager.redoStack.length > 0;
  }

  /**
   * Undoes my last change (never another person's: only my own origin is tracked, and a value someone else has
   * changed since is left as they made it). A step touching what I may no longer change is dropped: 'blocked'.
   */
  undo(): UndoResult {
    return this.pop('undo');
  }

  redo(): UndoResult {
    return this.pop('redo');
  }

  private pop(kind: 'undo' | 'redo'): UndoResult {
    const um = this.undoManager;
    const name = kind === 'undo' ? 'undoStack' : 'redoStack';
    // Yjs skips steps that change nothing any more (someone changed those values since) and goes on to the next
    // one: so the steps are handed to it one at a time, each checked first.
    while (um[name].length > 0) {
      const stack = um[name];
      const top = stack[stack.length - 1]!;
      if (!this.allowed(top)) {
        stack.pop();
        this.historyListeners.forEach((l) => l());
        return 'blocked';
      }
      const rest = stack.slice(0, -1);
      um[name] = [top];
      let done = false;
      try {
        done = (kind === 'undo' ? um.undo() : um.redo()) !== null;
      } finally {
        um[name] = [...rest, ...um[name]];
      }
      if (done) return 'done';
    }
    this.historyListeners.forEach((l) => l());
    return 'empty';
  }

  /** Called when undo/redo become (un)available. */
  subscribeHistory(listener: () => void): () => void {
    this.historyListeners.add(listener);
    return () => this.historyListeners.delete(listener);
  }
}
