import type * as Y from 'yjs';

/** Two members' shapes related on a board (see the `board.shapes_related` event). */
export interface ShapeRelation {
  relation: 'connect' | 'group';
  /** Names the relation, so that saving the same shape again is recorded once. */
  key: string;
  userIds: [string, string];
}

interface RawShape {
  type?: unknown;
  authorId?: unknown;
  frameId?: unknown;
  from?: unknown;
  to?: unknown;
}

const raw = (shapes: Y.Map<unknown>, id: unknown): RawShape | null => {
  if (typeof id !== 'string') return null;
  const v = shapes.get(id);
  return v && typeof v === 'object' ? (v as RawShape) : null;
};
const author = (s: RawShape | null): string | null => (s && typeof s.authorId === 'string' ? s.authorId : null);

/**
 * Relations between members that the changed shapes make (shapes passed the board's schema when written):
 * a connector between shapes of two different authors, and a shape in a frame that holds a shape of another author
 * ("grouped with"). `frames` remembers the frame each shape was last seen in, so moving a shape inside its frame
 * does not look at the whole board again.
 */
export function shapeRelations(doc: Y.Doc, keys: Iterable<string | null>, frames: Map<string, string | null>): ShapeRelation[] {
  const shapes = doc.getMap<unknown>('shapes');
  const out: ShapeRelation[] = [];
  for (const key of keys) {
    if (key === null) continue;
    const shape = raw(shapes, key);
    if (!shape) {
      frames.delete(key);
      continue;
    }
    if (shape.type === 'connector') {
      const a = author(raw(shapes, shape.from));
      const b = author(raw(shapes, shape.to));
      if (a && b && a !== b) out.push({ relation: 'connect', key: `connect:${key}:${String(shape.from)}:${String(shape.to)}`, userIds: [a, b] });
      continue;
    }
    const frameId = typeof shape.frameId === 'string' ? shape.frameId : null;
    if (frames.get(key) === frameId && frames.has(key)) continue;
    frames.set(key, frameId);
    const me = author(shape);
    if (!frameId || !me) continue;
    const others = new Set<string>();
    for (const [id, value] of shapes) {
      if (id === key || !value || typeof value !== 'object') continue;
      const other = value as RawShape;
      const them = author(other);
      if (other.frameId === frameId && them && them !== me) others.add(them);
    }
    for (const them of others) {
      const [x, y] = me < them ? [me, them] : [them, me];
      out.push({ relation: 'group', key: `group:${frameId}:${x}:${y}`, userIds: [x, y] });
    }
  }
  return out;
}
