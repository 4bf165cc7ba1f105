import { memo } from 'react';
import { Layer } from 'react-konva';
import type { Shape } from '@relab/shared';
import type { ShapesSnapshot } from '../model/BoardModel.js';
import { boxOf, boxesIntersect, type Box } from '../model/geometry.js';
import { ConnectorNode, MIN_TEXT_PX, ShapeNode, fontSizeOf, type DragHandlers } from './ShapeNode.js';

/** Shapes being dragged: drawn moved by (dx, dy). The node under the pointer is moved by Konva itself. */
export interface DragOffset {
  ids: ReadonlySet<string>;
  anchorId: string;
  dx: number;
  dy: number;
}

interface Props {
  snapshot: ShapesSnapshot;
  selection: ReadonlySet<string>;
  connectFrom: string | null;
  editingId: string | null;
  drag: DragOffset | null;
  /** Shapes outside this area are not drawn (null: all). */
  cull: Box | null;
  isDraggable: (shape: Shape) => boolean;
  /** Hit testing on (off while panning, zooming or dragging: the hit canvas is then not redrawn every frame). */
  interactive: boolean;
  /** The zoom, rounded down to a step of √2 (so the layer re-renders only when the zoom changes that much). */
  lod: number;
  dragHandlers: DragHandlers;
}

/** The zoom rounded down to a step of √2: the level of detail the shapes are drawn with. */
export const lodOf = (scale: number) => 2 ** (Math.floor(Math.log2(scale) * 2) / 2);

const moved = (s: Shape, drag: DragOffset | null): Shape =>
  drag && drag.ids.has(s.id) ? ({ ...s, x: s.x + drag.dx, y: s.y + drag.dy } as Shape) : s;

/** Every shape, in drawing order (frames behind). Re-rendered on changes; unchanged nodes are skipped by memo. */
export const ShapesLayer = memo(function ShapesLayer({ snapshot, selection, connectFrom, editingId, drag, cull, isDraggable, interactive, lod, dragHandlers }: Props) {
  const { ordered, byId } = snapshot;
  return (
    <Layer name="shapes" listening={interactive}>
      {ordered.map((s) => {
        if (s.type === 'connector') {
          const from = byId.get(s.from);
          const to = byId.get(s.to);
          return (
            <ConnectorNode
              key={s.id}
              shape={s}
              from={from && moved(from, drag)}
              to={to && moved(to, drag)}
              selected={selection.has(s.id)}
              visible
              editing={editingId === s.id}
              showText={fontSizeOf(s) * lod >= MIN_TEXT_PX}
            />
          );
        }
        const box = cull ? boxOf(s) : null;
        const visible = !cull || !box || boxesIntersect(box, cull) || (drag?.ids.has(s.id) ?? false);
        return (
          <ShapeNode
            key={s.id}
            // Konva moves the dragged node itself: giving it new coordinates meanwhile would make it jump.
            shape={drag && drag.anchorId !== s.id ? moved(s, drag) : s}
            selected={selection.has(s.id)}
            highlighted={connectFrom === s.id}
            draggable={isDraggable(s)}
            visible={visible}
            editing={editingId === s.id}
            showText={fontSizeOf(s) * lod >= MIN_TEXT_PX}
            drag={dragHandlers}
          />
        );
      })}
    </Layer>
  );
});
