/** Editing a shape's text in place: an HTML textarea laid over the shape on the canvas (Konva has no text input). */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS, type Shape } from '@relab/shared';
import { fillOf } from '../model/colors.js';
import { FRAME_TITLE_HEIGHT, boxOf, connectorEnds } from '../model/geometry.js';
import { BOARD_FONT, SHAPE_FONT_SIZE, STICKY_PADDING } from './ShapeNode.js';
import { toScreen, type Viewport } from './viewport.js';

/** Shapes with a text of their own, and which field holds it. */
export function textFieldOf(shape: Shape): 'text' | 'title' | 'label' | null {
  switch (shape.type) {
    case 'sticky':
    case 'text':
    case 'rect':
    case 'ellipse':
      return 'text';
    case 'frame':
      return 'title';
    case 'connector':
      return 'label';
    default:
      return null;
  }
}

export function textOf(shape: Shape): string {
  const field = textFieldOf(shape);
  return field ? ((shape as Record<string, unknown>)[field] as string) : '';
}

interface Props {
  shape: Shape;
  byId: ReadonlyMap<string, Shape>;
  viewport: Viewport;
  onChange: (text: string) => void;
  onClose: () => void;
}

/** Where the editor goes, in screen pixels, and its font size. */
function placement(shape: Shape, byId: ReadonlyMap<string, Shape>, v: Viewport): { box: { x: number; y: number; w: number; h: number }; fontSize: number; padding: number } | null {
  if (shape.type === 'connector') {
    const from = byId.get(shape.from);
    const to = byId.get(shape.to);
    const ends = from && to ? connectorEnds(from, to) : null;
    if (!ends) return null;
    const mid = toScreen(v, { x: (ends[0].x + ends[1].x) / 2, y: (ends[0].y + ends[1].y) / 2 });
    return { box: { x: mid.x - 110, y: mid.y - 20, w: 220, h: 40 }, fontSize: 14, padding: 4 };
  }
  const box = boxOf(shape);
  if (!box) return null;
  if (shape.type === 'frame') {
    const p = toScreen(v, { x: box.x, y: box.y - FRAME_TITLE_HEIGHT });
    return { box: { x: p.x, y: p.y, w: Math.max(200, box.w * v.scale), h: 36 }, fontSize: 16, padding: 4 };
  }
  const p = toScreen(v, box);
  const base = shape.type === 'text' ? shape.fontSize : SHAPE_FONT_SIZE;
  return {
    box: { x: p.x, y: p.y, w: Math.max(120, box.w * v.scale), h: Math.max(48, box.h * v.scale) },
    fontSize: base * v.scale,
    padding: (shape.type === 'text' ? 0 : STICKY_PADDING) * v.scale,
  };
}

export function TextEditorOverlay({ shape, byId, viewport, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  // The text as typed here (a change from someone else meanwhile does not jump under the cursor).
  const [value, setValue] = useState(() => textOf(shape));
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const place = placement(shape, byId, viewport);
  if (!place) return null;
  const fill = 'color' in shape && shape.type !== 'drawing' ? fillOf(shape.color) : '#ffffff';
  const style: CSSProperties = {
    left: place.box.x,
    top: place.box.y,
    width: place.box.w,
    height: place.box.h,
    // Never smaller than legible, whatever the zoom.
    fontSize: Math.min(64, Math.max(14, place.fontSize)),
    padding: Math.min(24, Math.max(4, place.padding)),
    fontFamily: BOARD_FONT,
    background: fill,
    textAlign: shape.type === 'sticky' || shape.type === 'frame' ? 'left' : 'center',
  };
  const field = textFieldOf(shape);
  return (
    <textarea
      ref={ref}
      className="board-text-editor"
      data-testid="shape-text-editor"
      aria-label={t(`boards.edit.${field ?? 'text'}`)}
      maxLength={BOARD_LIMITS.text}
      value={value}
      style={style}
      onChange={(e) => {
        setValue(e.target.value);
        onChange(e.target.value);
      }}
      onBlur={onClose}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) || (e.key === 'Enter' && field !== 'text')) {
          e.preventDefault();
          onClose();
        }
      }}
    />
  );
}
