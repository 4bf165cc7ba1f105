/** Layers that do not take pointer events: vote badges, locks, others' cursors, the stroke being drawn, the selection box. */
import { memo } from 'react';
import { Circle, Group, Label, Layer, Line, Rect, Tag, Text } from 'react-konva';
import type { Shape } from '@relab/shared';
import { labelColors } from '../../../editor/caretColors.js';
import type { ShapesSnapshot } from '../model/BoardModel.js';
import { STROKE_HEX } from '../model/colors.js';
import { boxOf, type Box } from '../model/geometry.js';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from '../usePeers.js';
import { BOARD_FONT, SELECTION_COLOR } from './ShapeNode.js';

interface BadgesProps {
  snapshot: ShapesSnapshot;
  /** My dots per shape in the open round. */
  myDots: ReadonlyMap<string, number>;
  /** Dots per shape once the round is closed. */
  results: Readonly<Record<string, number>> | null;
  /** Locks are shown on the selected shapes. */
  selection: ReadonlySet<string>;
  /** Badges keep their size on screen. */
  scale: number;
}

/** Dots and results in the top-right corner of shapes; a lock on selected locked shapes. */
export const BadgesLayer = memo(function BadgesLayer({ snapshot, myDots, results, selection, scale }: BadgesProps) {
  const items: React.ReactNode[] = [];
  const k = 1 / scale;
  const badge = (s: Shape, key: string, text: string, fill: string, color: string, dy = 0) => {
    const box = boxOf(s);
    if (!box) return;
    items.push(
      <Label key={key} x={box.x + box.w} y={box.y + dy * k} scaleX={k} scaleY={k} listening={false}>
        <Tag fill={fill} cornerRadius={10} pointerDirection="none" stroke="#ffffff" strokeWidth={1.5} />
        <Text text={text} fontSize={14} fontStyle="bold" fontFamily={BOARD_FONT} fill={color} padding={5} />
      </Label>,
    );
  };
  if (results) {
    for (const [id, count] of Object.entries(results)) {
      const s = snapshot.byId.get(id);
      if (s && count > 0) badge(s, `r-${id}`, `● ${count}`, '#1d4f91', '#ffffff', -14);
    }
  }
  myDots.forEach((count, id) => {
    const s = snapshot.byId.get(id);
    if (!s) return;
    const box = boxOf(s)!;
    for (let i = 0; i < Math.min(count, 20); i++) {
      items.push(<Circle key={`d-${id}-${i}`} x={box.x + 12 * k + (i % 10) * 14 * k} y={box.y + box.h - 12 * k - Math.floor(i / 10) * 14 * k} radius={6 * k} fill="#a3161a" stroke="#ffffff" strokeWidth={1.5 * k} listening={false} />);
    }
  });
  selection.forEach((id) => {
    const s = snapshot.byId.get(id);
    if (s?.locked) badge(s, `l-${id}`, '🔒', '#ffffff', '#1b1f24', 8);
  });
  return (
    <Layer listening={false} name="badges">
      {items}
    </Layer>
  );
});

/** The others' pointers with their names, in their colour (same size whatever the zoom). */
export const CursorsLayer = memo(function CursorsLayer({ awareness, myUserId, scale }: { awareness: Awareness | null; myUserId: string; scale: number }) {
  // Subscribed here, so a cursor moving re-renders this layer only.
  const peers = usePeers(awareness, myUserId);
  const k = 1 / scale;
  return (
    <Layer listening={false} name="cursors">
      {peers.map((p) => {
        if (!p.cursor) return null;
        const colors = labelColors(p.color);
        return (
          <Group key={p.clientId} x={p.cursor.x} y={p.cursor.y} scaleX={k} scaleY={k} name="remote-cursor">
            <Line points={[0, 0, 0, 18, 5, 13, 9, 21, 12, 20, 8, 12, 14, 12]} closed fill={colors.background} stroke="#ffffff" strokeWidth={1.5} />
            <Label x={14} y={18}>
              <Tag fill={colors.background} cornerRadius={4} />
              <Text text={p.name} fontSize={13} fontStyle="bold" fontFamily={BOARD_FONT} fill={colors.text} padding={4} />
            </Label>
          </Group>
        );
      })}
    </Layer>
  );
});

interface DraftProps {
  /** The stroke being drawn (board coordinates, absolute). */
  stroke: { points: number[]; color: keyof typeof STROKE_HEX; width: number } | null;
  marquee: Box | null;
  scale: number;
}

/** What is being drawn right now: a freehand stroke, a selection rectangle. */
export function DraftLayer({ stroke, marquee, scale }: DraftProps) {
  return (
    <Layer listening={false} name="draft">
      {stroke ? <Line points={stroke.points} stroke={STROKE_HEX[stroke.color]} strokeWidth={stroke.width} lineCap="round" lineJoin="round" /> : null}
      {marquee ? (
        <Rect x={marquee.x} y={marquee.y} width={marquee.w} height={marquee.h} fill="rgba(29,79,145,0.08)" stroke={SELECTION_COLOR} strokeWidth={1 / scale} dash={[6 / scale, 4 / scale]} />
      ) : null}
    </Layer>
  );
}
