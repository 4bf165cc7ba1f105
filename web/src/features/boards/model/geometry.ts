/** Pure geometry of board shapes (board coordinates): boxes, connector ends, frames, content bounds. */
import type { Shape } from '@relab/shared';

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Shapes with a box of their own (everything except connectors and drawings). */
export type BoxShape = Extract<Shape, { w: number }>;
export const isBoxShape = (s: Shape): s is BoxShape => 'w' in s;

/** The box a shape covers; a connector has none of its own (it lies between its two shapes). */
export function boxOf(shape: Shape): Box | null {
  if (shape.type === 'connector') return null;
  if (shape.type === 'drawing') {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i + 1 < shape.points.length; i += 2) {
      const px = shape.points[i]!;
      const py = shape.points[i + 1]!;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    if (minX === Infinity) return { x: shape.x, y: shape.y, w: 0, h: 0 };
    const half = shape.strokeWidth / 2;
    return { x: shape.x + minX - half, y: shape.y + minY - half, w: maxX - minX + shape.strokeWidth, h: maxY - minY + shape.strokeWidth };
  }
  return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
}

export const centerOf = (box: Box): Point => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });

export function containsPoint(box: Box, p: Point): boolean {
  return p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h;
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** The box between two corners, whatever their order (a selection rectangle). */
export function boxFromCorners(a: Point, b: Point): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Everything drawn on the board (frame titles included), or null for an empty board. */
export function contentBounds(shapes: Iterable<Shape>): Box | null {
  const boxes: Box[] = [];
  for (const s of shapes) {
    const box = boxOf(s);
    if (!box) continue;
    // A frame's title is drawn above it.
    boxes.push(s.type === 'frame' ? { x: box.x, y: box.y - FRAME_TITLE_HEIGHT, w: box.w, h: box.h + FRAME_TITLE_HEIGHT } : box);
  }
  return unionBoxes(boxes);
}

/** Height of the title line above a frame. */
export const FRAME_TITLE_HEIGHT = 28;

/**
 * Where the line from the centre of `shape` towards `towards` leaves the shape: on the ellipse for ellipses, on the
 * box for the others. Connectors are drawn between these points, so they stay attached when the shapes move.
 */
export function edgePoint(shape: Shape, towards: Point): Point {
  const box = boxOf(shape);
  if (!box) return towards;
  const c = centerOf(box);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const rx = box.w / 2;
  const ry = box.h / 2;
  if (shape.type === 'ellipse') {
    const t = 1 / Math.sqrt((dx * dx) / (rx * rx || 1) + (dy * dy) / (ry * ry || 1));
    return { x: c.x + dx * t, y: c.y + dy * t };
  }
  const tx = dx === 0 ? Infinity : rx / Math.abs(dx);
  const ty = dy === 0 ? Infinity : ry / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** The two ends of a connector between `from` and `to` (edge to edge; centre to centre when they overlap). */
export function connectorEnds(from: Shape, to: Shape): [Point, Point] | null {
  const a = boxOf(from);
  const b = boxOf(to);
  if (!a || !b) return null;
  const ca = centerOf(a);
  const cb = centerOf(b);
  if (boxesIntersect(a, b)) return [ca, cb];
  return [edgePoint(from, cb), edgePoint(to, ca)];
}

/** The front-most frame (other than `exceptId`) whose box holds the point, or null. */
export function frameAt(frames: Iterable<Shape>, p: Point, exceptId?: string): Extract<Shape, { type: 'frame' }> | null {
  let best: Extract<Shape, { type: 'frame' }> | null = null;
  for (const f of frames) {
    if (f.type !== 'frame' || f.id === exceptId) continue;
    if (containsPoint(f, p) && (!best || f.z > best.z)) best = f;
  }
  return best;
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
