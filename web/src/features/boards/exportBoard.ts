/** Downloads of the board: PNG (from the Konva stage) and SVG (from `boardToSvg`). */
import Konva from 'konva';
import type { Shape } from '@relab/shared';
import { contentBounds } from './model/geometry.js';
import { boardToSvg } from './model/svg.js';

/** Names of the stage's layers that are not part of an export (others' cursors, drafts, resize handles). */
export const TRANSIENT_LAYERS = ['draft', 'selection', 'cursors'];

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * The whole board (everything drawn, with a margin, on white) as a PNG, at twice the resolution where the browser
 * allows a canvas that large. The view on screen is left as it was.
 */
export async function exportPng(stage: Konva.Stage, shapes: readonly Shape[], fileName: string, padding = 40): Promise<void> {
  const bounds = contentBounds(shapes) ?? { x: 0, y: 0, w: 400, h: 300 };
  const box = { x: bounds.x - padding, y: bounds.y - padding, w: bounds.w + 2 * padding, h: bounds.h + 2 * padding };
  // Browsers refuse canvases over ~16k pixels a side or ~250M pixels: stay well below.
  const pixelRatio = Math.max(0.05, Math.min(2, 8192 / Math.max(box.w, box.h), Math.sqrt(40e6 / (box.w * box.h))));

  const position = stage.position();
  const scale = stage.scale();
  const shown: Konva.Node[] = [];
  const hiddenLayers = stage.getLayers().filter((l) => TRANSIENT_LAYERS.includes(l.name()) && l.visible());
  const shapesLayer = stage.findOne<Konva.Layer>('.shapes');
  const background = new Konva.Rect({ x: box.x, y: box.y, width: box.w, height: box.h, fill: '#ffffff', listening: false });
  let canvas: HTMLCanvasElement;
  try {
    // Shapes outside the view are not drawn on screen: draw them for the export.
    stage.find('.shape').forEach((n) => {
      if (!n.visible()) {
        n.visible(true);
        shown.push(n);
      }
    });
    hiddenLayers.forEach((l) => l.visible(false));
    shapesLayer?.add(background);
    background.moveToBottom();
    stage.position({ x: 0, y: 0 });
    stage.scale({ x: 1, y: 1 });
    canvas = stage.toCanvas({ x: box.x, y: box.y, width: box.w, height: box.h, pixelRatio });
  } finally {
    background.destroy();
    stage.position(position);
    stage.scale(scale);
    shown.forEach((n) => n.visible(false));
    hiddenLayers.forEach((l) => l.visible(true));
    stage.batchDraw();
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG export failed');
  downloadBlob(blob, fileName);
}

export function exportSvg(shapes: readonly Shape[], fileName: string, title: string): void {
  downloadBlob(new Blob([boardToSvg(shapes, { title })], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}
