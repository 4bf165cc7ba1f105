/**
 * One shape on the Konva canvas. Memoised: a node is redrawn only when its own shape object (the store keeps the
 * object of an unchanged shape), its selection or its drag offset changes. Handlers live on the stage, not here.
 */
import type Konva from 'konva';
import { memo } from 'react';
import { Arrow, Ellipse, Group, Line, Rect, Text } from 'react-konva';
import type { Shape } from '@relab/shared';
import { CONNECTOR_COLOR, OUTLINE_COLOR, STROKE_HEX, TEXT_COLOR, fillOf } from '../model/colors.js';
import { FRAME_TITLE_HEIGHT, connectorEnds } from '../model/geometry.js';

export const BOARD_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
export const SELECTION_COLOR = '#1d4f91';
export const CONNECT_COLOR = '#c25e00';
/** Font size of notes, rectangles and ellipses (text shapes have their own). */
export const SHAPE_FONT_SIZE = 16;
/** Text smaller than this on screen (pixels) is not drawn. */
export const MIN_TEXT_PX = 5;

/** The font size a shape's text is drawn at (board units). */
export function fontSizeOf(shape: Shape): number {
  if (shape.type === 'text') return shape.fontSize;
  if (shape.type === 'connector') return 14;
  return SHAPE_FONT_SIZE;
}
export const STICKY_PADDING = 10;

/** Drawing settings shared by every node: no double drawing of fill + stroke, no shadows. */
const fast = { perfectDrawEnabled: false, shadowForStrokeEnabled: false } as const;
/** Drag handlers of the canvas (on the nodes themselves: events do not bubble through a layer that is not listening). */
export interface DragHandlers {
  onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => void;
  onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => void;
  onDragEnd: (e: Konva.KonvaEventObject<DragEvent>) => void;
}

interface ShapeNodeProps {
  shape: Shape;
  selected: boolean;
  /** First end chosen for a new connector. */
  highlighted: boolean;
  draggable: boolean;
  visible: boolean;
  /** Its text is being edited in the HTML overlay (the canvas text is hidden meanwhile). */
  editing: boolean;
  /** Text is drawn only when it is large enough on screen to be read (level of detail: a big speed-up zoomed out). */
  showText: boolean;
  /** Stable: the same object for every node. */
  drag: DragHandlers;
}

export const ShapeNode = memo(function ShapeNode({ shape, selected, highlighted, draggable, visible, editing: editingText, showText, drag }: ShapeNodeProps) {
  const editing = editingText || !showText;
  const handlers = draggable ? drag : undefined;
  const group = {
    id: shape.id,
    name: 'shape',
    x: shape.x,
    y: shape.y,
    draggable,
    visible,
    onDragStart: handlers?.onDragStart,
    onDragMove: handlers?.onDragMove,
    onDragEnd: handlers?.onDragEnd,
  };
  const ring = selected ? SELECTION_COLOR : highlighted ? CONNECT_COLOR : null;
  switch (shape.type) {
    case 'sticky':
      return (
        <Group {...group}>
          <Rect width={shape.w} height={shape.h} fill={fillOf(shape.color)} cornerRadius={4} stroke={ring ?? '#b9a44c'} strokeWidth={ring ? 3 : 1} {...fast} />
          {editing ? null : (
            <Text
              x={STICKY_PADDING}
              y={STICKY_PADDING}
              width={Math.max(1, shape.w - 2 * STICKY_PADDING)}
              height={Math.max(1, shape.h - 2 * STICKY_PADDING)}
              text={shape.text}
              fontSize={SHAPE_FONT_SIZE}
              fontFamily={BOARD_FONT}
              fill={TEXT_COLOR}
              wrap="word"
              ellipsis
              listening={false}
              {...fast}
            />
          )}
        </Group>
      );
    case 'text':
      return (
        <Group {...group}>
          {/* An almost transparent box, so the whole area of the text can be clicked. */}
          <Rect width={shape.w} height={shape.h} fill="rgba(255,255,255,0.01)" stroke={ring ?? undefined} strokeWidth={ring ? 2 : 0} dash={ring ? [6, 4] : undefined} {...fast} />
          {editing ? null : (
            <Text
              width={shape.w}
              height={shape.h}
              text={shape.text}
              fontSize={shape.fontSize}
              fontFamily={BOARD_FONT}
              fill={TEXT_COLOR}
              align="center"
              wrap="word"
              ellipsis
              listening={false}
              {...fast}
            />
          )}
        </Group>
      );
    case 'rect':
    case 'ellipse': {
      const inset = shape.type === 'ellipse' ? 0.15 : 0;
      return (
        <Group {...group}>
          {shape.type === 'rect' ? (
            <Rect width={shape.w} height={shape.h} fill={fillOf(shape.color)} stroke={ring ?? OUTLINE_COLOR} strokeWidth={ring ? 3 : 2} {...fast} />
          ) : (
            <Ellipse x={shape.w / 2} y={shape.h / 2} radiusX={shape.w / 2} radiusY={shape.h / 2} fill={fillOf(shape.color)} stroke={ring ?? OUTLINE_COLOR} strokeWidth={ring ? 3 : 2} {...fast} />
          )}
          {editing || !shape.text ? null : (
            <Text
              x={shape.w * inset + 8}
              y={shape.h * inset + 8}
              width={Math.max(1, shape.w * (1 - 2 * inset) - 16)}
              height={Math.max(1, shape.h * (1 - 2 * inset) - 16)}
              text={shape.text}
              fontSize={SHAPE_FONT_SIZE}
              fontFamily={BOARD_FONT}
              fill={TEXT_COLOR}
              align="center"
              verticalAlign="middle"
              wrap="word"
              ellipsis
              listening={false}
              {...fast}
            />
          )}
        </Group>
      );
    }
    case 'frame':
      return (
        <Group {...group}>
          <Rect width={shape.w} height={shape.h} fill="rgba(255,255,255,0.55)" cornerRadius={6} stroke={ring ?? OUTLINE_COLOR} strokeWidth={ring ? 3 : 2} dash={[10, 6]} {...fast} />
          {editing ? null : (
            <Text
              y={-FRAME_TITLE_HEIGHT + 4}
              width={shape.w}
              height={FRAME_TITLE_HEIGHT - 4}
              text={shape.title}
              fontSize={16}
              fontStyle="bold"
              fontFamily={BOARD_FONT}
              fill={TEXT_COLOR}
              wrap="none"
              ellipsis
              {...fast}
            />
          )}
        </Group>
      );
    case 'drawing':
      return (
        <Group {...group}>
          <Line
            points={shape.points}
            stroke={ring ?? STROKE_HEX[shape.color]}
            strokeWidth={shape.strokeWidth}
            lineCap="round"
            lineJoin="round"
            hitStrokeWidth={Math.max(14, shape.strokeWidth)}
            {...fast}
          />
        </Group>
      );
    case 'connector':
      return null;
  }
});

interface ConnectorNodeProps {
  shape: Extract<Shape, { type: 'connector' }>;
  from: Shape | undefined;
  to: Shape | undefined;
  selected: boolean;
  visible: boolean;
  editing: boolean;
  showText: boolean;
}

/** A connector, drawn between the edges of its two shapes (wherever they are now). */
export const ConnectorNode = memo(function ConnectorNode({ shape, from, to, selected, visible, editing, showText }: ConnectorNodeProps) {
  const ends = from && to ? connectorEnds(from, to) : null;
  if (!ends) return null;
  const [a, b] = ends;
  const color = selected ? SELECTION_COLOR : CONNECTOR_COLOR;
  return (
    <Group id={shape.id} name="shape" visible={visible}>
      <Arrow points={[a.x, a.y, b.x, b.y]} stroke={color} fill={color} strokeWidth={selected ? 3 : 2} pointerLength={12} pointerWidth={12} hitStrokeWidth={16} {...fast} />
      {shape.label && !editing && showText ? (
        <Text
          x={(a.x + b.x) / 2 - 100}
          y={(a.y + b.y) / 2 - 22}
          width={200}
          align="center"
          text={shape.label}
          fontSize={14}
          fontFamily={BOARD_FONT}
          fill={TEXT_COLOR}
          stroke="#ffffff"
          strokeWidth={4}
          fillAfterStrokeEnabled
          wrap="none"
          ellipsis
          {...fast}
        />
      ) : null}
    </Group>
  );
});
