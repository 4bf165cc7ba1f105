/**
 * The part of the infinite board shown on screen. `x`, `y` are where the board's origin lies on screen (pixels from
 * the canvas' top-left corner) and `scale` the zoom: screen = board × scale + (x, y).
 *
 * Between people (awareness, "bring everyone to me", following) a view is shared as its centre in board
 * coordinates and its scale, so it works between a phone and a wide screen.
 */
import { clamp, type Box, type Point } from '../model/geometry.js';

export interface Viewport {
  x: number;
  y: number;
  scale: number;
}
export interface Size {
  width: number;
  height: number;
}
/** A view as shared with others: the board point in the middle of the screen, and the zoom. */
export interface ViewCenter {
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;
/** Each press of + or − zooms by this factor. */
export const ZOOM_STEP = 1.25;

export const clampScale = (scale: number) => clamp(scale, MIN_SCALE, MAX_SCALE);

export const toBoard = (v: Viewport, p: Point): Point => ({ x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale });
export const toScreen = (v: Viewport, p: Point): Point => ({ x: p.x * v.scale + v.x, y: p.y * v.scale + v.y });

/** Zooms by `factor` keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAt(v: Viewport, factor: number, anchor: Point): Viewport {
  const scale = clampScale(v.scale * factor);
  const p = toBoard(v, anchor);
  return { scale, x: anchor.x - p.x * scale, y: anchor.y - p.y * scale };
}

export function centerOfView(v: Viewport, size: Size): ViewCenter {
  const c = toBoard(v, { x: size.width / 2, y: size.height / 2 });
  return { x: c.x, y: c.y, scale: v.scale };
}

export function viewportAt(center: ViewCenter, size: Size): Viewport {
  const scale = clampScale(center.scale);
  return { scale, x: size.width / 2 - center.x * scale, y: size.height / 2 - center.y * scale };
}

/** The view showing all of `box` (with a margin), never zoomed in beyond `maxScale`. */
export function fitBox(box: Box | null, size: Size, padding = 40, maxScale = 1): Viewport {
  if (!box || size.width <= 0 || size.height <= 0) return viewportAt({ x: 0, y: 0, scale: 1 }, size);
  const scale = clampScale(Math.min(maxScale, (size.width - 2 * padding) / Math.max(box.w, 1), (size.height - 2 * padding) / Math.max(box.h, 1)));
  return viewportAt({ x: box.x + box.w / 2, y: box.y + box.h / 2, scale }, size);
}

/** The board area on screen. */
export function visibleBox(v: Viewport, size: Size): Box {
  const a = toBoard(v, { x: 0, y: 0 });
  return { x: a.x, y: a.y, w: size.width / v.scale, h: size.height / v.scale };
}

/**
 * The area in which shapes are drawn: the screen plus at least one screen around it, snapped to a grid, so that
 * panning and zooming change it (and re-render the list of shapes) only now and then.
 */
export function cullBox(v: Viewport, size: Size): Box {
  const view = visibleBox(v, size);
  // Cells are powers of two, so zooming changes them only when the scale doubles or halves.
  const cellW = 2 ** Math.ceil(Math.log2(Math.max(view.w, 1)));
  const cellH = 2 ** Math.ceil(Math.log2(Math.max(view.h, 1)));
  const x = Math.floor(view.x / cellW) * cellW - cellW;
  const y = Math.floor(view.y / cellH) * cellH - cellH;
  return { x, y, w: cellW * 4, h: cellH * 4 };
}

export function sameBox(a: Box | null, b: Box | null): boolean {
  return a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);
}
