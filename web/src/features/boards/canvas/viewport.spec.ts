import { describe, expect, test } from '@jest/globals';
import { boxesIntersect } from '../model/geometry.js';
import { MAX_SCALE, MIN_SCALE, centerOfView, cullBox, fitBox, toBoard, toScreen, viewportAt, visibleBox, zoomAt } from './viewport.js';

const size = { width: 800, height: 600 };

describe('viewport', () => {
  test('board and screen coordinates convert both ways', () => {
    const v = { x: 100, y: -50, scale: 2 };
    expect(toScreen(v, { x: 10, y: 10 })).toEqual({ x: 120, y: -30 });
    expect(toBoard(v, { x: 120, y: -30 })).toEqual({ x: 10, y: 10 });
  });

  test('zooming keeps the point under the pointer in place, within the limits', () => {
    const v = { x: 0, y: 0, scale: 1 };
    const anchor = { x: 200, y: 100 };
    const z = zoomAt(v, 2, anchor);
    expect(toBoard(z, anchor)).toEqual(toBoard(v, anchor));
    expect(z.scale).toBe(2);
    expect(zoomAt(v, 1000, anchor).scale).toBe(MAX_SCALE);
    expect(zoomAt(v, 0.00001, anchor).scale).toBe(MIN_SCALE);
  });

  test('a view shared by its centre lands on the same board point on another screen size', () => {
    const v = { x: -300, y: 40, scale: 0.5 };
    const c = centerOfView(v, size);
    const phone = { width: 360, height: 640 };
    const w = viewportAt(c, phone);
    expect(toBoard(w, { x: 180, y: 320 })).toEqual({ x: c.x, y: c.y });
    expect(w.scale).toBe(0.5);
  });

  test('fitting shows the whole box, never zooming in beyond 1', () => {
    const v = fitBox({ x: 0, y: 0, w: 1440, h: 520 }, size);
    expect(v.scale).toBeCloseTo(0.5);
    const seen = visibleBox(v, size);
    expect(seen.x).toBeLessThanOrEqual(0);
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(1440);
    expect(fitBox({ x: 0, y: 0, w: 10, h: 10 }, size).scale).toBe(1);
    expect(fitBox(null, size)).toEqual({ x: 400, y: 300, scale: 1 });
  });

  test('the drawing area covers the screen and changes only after a screen of panning', () => {
    const v = { x: 0, y: 0, scale: 1 };
    const box = cullBox(v, size);
    expect(boxesIntersect(box, visibleBox(v, size))).toBe(true);
    expect(box.x).toBeLessThanOrEqual(-800);
    expect(box.x + box.w).toBeGreaterThanOrEqual(1600);
    expect(cullBox({ ...v, x: -100 }, size)).toEqual(box);
    expect(cullBox({ ...v, scale: 1.1 }, size)).toEqual(box);
    expect(cullBox({ ...v, x: -1100 }, size)).not.toEqual(box);
  });
});
