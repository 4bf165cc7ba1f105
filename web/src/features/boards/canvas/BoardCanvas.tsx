/**
 * The Konva canvas of a board: draws the shapes (from the model's snapshot), others' cursors and vote badges, and
 * turns pointer, wheel, touch and keys into model writes and view changes. Controlled: the view, the tool, the
 * selection and the text being edited belong to the page.
 *
 * Gestures: drag on empty canvas (or on a shape one may not move, or with space held, or the middle button) pans;
 * shift+drag on empty canvas selects with a rectangle; wheel and two fingers zoom; a shape tool adds where one
 * clicks; the connector tool joins two clicked shapes; the pencil draws.
 */
import Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Layer, Stage, Transformer } from 'react-konva';
import { BOARD_LIMITS, type Shape, type ShapeColor } from '@relab/shared';
import type { BoardModel, ShapesSnapshot } from '../model/BoardModel.js';
import { SHAPE_DEFAULTS } from '../model/BoardModel.js';
import { boxFromCorners, boxOf, clamp, connectorEnds, type Box, type Point } from '../model/geometry.js';
import type { Awareness } from 'y-protocols/awareness';
import { BadgesLayer, CursorsLayer, DraftLayer } from './OverlayLayers.js';
import { SELECTION_COLOR, type DragHandlers } from './ShapeNode.js';
import { useStableCallback } from '../useStableCallback.js';
import { ShapesLayer, lodOf, type DragOffset } from './ShapesLayer.js';
import { TextEditorOverlay, textFieldOf } from './TextEditorOverlay.js';
import { clampScale, cullBox, sameBox, toBoard, zoomAt, type Size, type Viewport } from './viewport.js';

// A click that moves a few pixels is still a click, not a drag.
Konva.dragDistance = 4;

export const TOOLS = ['select', 'sticky', 'text', 'rect', 'ellipse', 'frame', 'connector', 'draw'] as const;
export type Tool = (typeof TOOLS)[number];
/** Tools that add one shape where one clicks. */
export const ADD_TOOLS = ['sticky', 'text', 'rect', 'ellipse', 'frame'] as const;
type AddTool = (typeof ADD_TOOLS)[number];
const isAddTool = (tool: Tool): tool is AddTool => (ADD_TOOLS as readonly string[]).includes(tool);

/** Keyboard commands the page carries out (shared with the toolbar buttons and the list of shapes). */
export type BoardCommand =
  | { type: 'delete' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'edit' }
  | { type: 'escape' }
  | { type: 'move'; dx: number; dy: number }
  | { type: 'zoom'; factor: number };

/** A press turns into a pan once the pointer travels this far (pixels). */
const CLICK_SLOP = 5;

type Gesture =
  | { kind: 'press'; pointerId: number; start: Point; v0: Viewport; target: string | null; shift: boolean }
  | { kind: 'pan'; pointerId: number; start: Point; v0: Viewport }
  | { kind: 'rect'; pointerId: number; start: Point; startScreen: Point; target: string | null }
  | { kind: 'draw'; pointerId: number; origin: Point; points: number[]; width: number; full: boolean }
  | { kind: 'pinch'; dist0: number; mid0: Point; v0: Viewport }
  | { kind: 'shape'; pointerId: number };

export interface BoardCanvasProps {
  model: BoardModel;
  snapshot: ShapesSnapshot;
  boardLocked: boolean;
  viewport: Viewport;
  /** `byUser`: the person panned or zoomed themselves (this ends following someone). */
  onViewport: (v: Viewport, byUser: boolean) => void;
  size: Size;
  onSize: (size: Size) => void;
  tool: Tool;
  color: ShapeColor;
  canWrite: boolean;
  selection: ReadonlySet<string>;
  onSelection: (ids: ReadonlySet<string>) => void;
  editingId: string | null;
  onEdit: (id: string | null) => void;
  connectFrom: string | null;
  onConnectFrom: (id: string | null) => void;
  /** A shape tool added a shape. */
  onAdded: (shape: Shape) => void;
  /** In vote mode a click on a sticky note puts a dot on it. */
  voting: boolean;
  onVote: (shapeId: string) => void;
  /** Others' cursors come from here. */
  awareness: Awareness | null;
  myUserId: string;
  myDots: ReadonlyMap<string, number>;
  results: Readonly<Record<string, number>> | null;
  /** The pointer over the board (board coordinates), null when it leaves. */
  onCursor: (p: Point | null) => void;
  onCommand: (command: BoardCommand) => void;
  /** "Added by … on …" for the tooltip. */
  describeAuthor: (shape: Shape) => string;
  stageRef: RefObject<Konva.Stage | null>;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Whether `inner` lies wholly inside `outer`. */
const containsBox = (outer: Box, inner: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

/** The box between a connector's two ends. */
function connectorBox(s: Extract<Shape, { type: 'connector' }>, byId: ReadonlyMap<string, Shape>): Box | null {
  const from = byId.get(s.from);
  const to = byId.get(s.to);
  const ends = from && to ? connectorEnds(from, to) : null;
  return ends ? boxFromCorners(ends[0], ends[1]) : null;
}

export function BoardCanvas(props: BoardCanvasProps) {
  const { t } = useTranslation();
  const { model, snapshot, viewport, size, tool, selection, editingId, connectFrom, canWrite, voting, boardLocked, stageRef } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const trRef = useRef<Konva.Transformer>(null);
  const live = useRef(props);
  live.current = props;

  const gesture = useRef<Gesture | null>(null);
  const pointers = useRef(new Map<number, Point>());
  const dragRef = useRef<{ node: Konva.Node; ids: string[]; start: Point } | null>(null);
  const [drag, setDrag] = useState<DragOffset | null>(null);
  const [marquee, setMarquee] = useState<Box | null>(null);
  const [stroke, setStroke] = useState<{ points: number[]; color: ShapeColor; width: number } | null>(null);
  const [spaceDown, setSpaceDown] = useState(false);
  const [panning, setPanning] = useState(false);
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [wheeling, setWheeling] = useState(false);
  const wheelTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const frame = useRef<number | null>(null);

  // View changes from gestures are applied once per frame (several pointer or wheel events may come in one frame).
  const pendingView = useRef<Viewport | null>(null);
  const viewFrame = useRef<number | null>(null);
  /** The latest view asked for (pending or shown). */
  const currentView = () => pendingView.current ?? live.current.viewport;
  const requestView = useCallback((v: Viewport) => {
    pendingView.current = v;
    if (viewFrame.current !== null) return;
    viewFrame.current = requestAnimationFrame(() => {
      viewFrame.current = null;
      const next = pendingView.current;
      pendingView.current = null;
      if (next) live.current.onViewport(next, true);
    });
  }, []);
  useEffect(
    () => () => {
      if (viewFrame.current !== null) cancelAnimationFrame(viewFrame.current);
      if (wheelTimer.current !== null) clearTimeout(wheelTimer.current);
    },
    [],
  );

  // ---------------------------------------------------------------- size
  const { onSize } = props;
  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return undefined;
    const measure = () => onSize({ width: Math.round(el.clientWidth), height: Math.round(el.clientHeight) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [onSize]);

  // ---------------------------------------------------------------- helpers
  const screenPoint = useCallback((e: { clientX: number; clientY: number }): Point => {
    const el = wrapRef.current!;
    const rect = el.getBoundingClientRect();
    return { x: e.clientX - rect.left - el.clientLeft, y: e.clientY - rect.top - el.clientTop };
  }, []);

  /** The shape under a screen point ('transformer' for a resize handle). */
  const hitAt = useCallback(
    (p: Point): string | 'transformer' | null => {
      const stage = stageRef.current;
      const node = stage?.getIntersection(p);
      if (!node) return null;
      if (node.findAncestor('Transformer', true)) return 'transformer';
      const group = node.findAncestor('.shape', true);
      return group ? group.id() : null;
    },
    [stageRef],
  );

  const isDraggable = useCallback(
    (s: Shape) => tool === 'select' && !voting && !spaceDown && canWrite && s.type !== 'connector' && model.canEdit(s),
    // boardLocked: model.canEdit reads the lock; a change of it must give a new function.
    [tool, voting, spaceDown, canWrite, model, boardLocked],
  );

  const schedule = (fn: () => void) => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      fn();
    });
  };
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  // ---------------------------------------------------------------- clicks
  const click = useCallback(
    (target: string | null, shift: boolean, at: Point) => {
      const p = live.current;
      const shape = target ? p.snapshot.byId.get(target) : undefined;
      if (p.tool === 'select') {
        if (p.voting && shape?.type === 'sticky') {
          p.onVote(shape.id);
          return;
        }
        if (!target) {
          if (!shift) p.onSelection(new Set());
          return;
        }
        if (shift) {
          const next = new Set(p.selection);
          if (next.has(target)) next.delete(target);
          else next.add(target);
          p.onSelection(next);
        } else p.onSelection(new Set([target]));
        return;
      }
      if (p.tool === 'connector') {
        if (!shape || shape.type === 'connector') {
          p.onConnectFrom(null);
          return;
        }
        if (!p.connectFrom || !p.snapshot.byId.has(p.connectFrom)) {
          p.onConnectFrom(shape.id);
          return;
        }
        if (p.connectFrom === shape.id) return;
        const added = p.canWrite ? p.model.addShape({ type: 'connector', from: p.connectFrom, to: shape.id }) : null;
        p.onConnectFrom(null);
        if (added) p.onAdded(added);
        return;
      }
      if (isAddTool(p.tool) && p.canWrite) {
        const defaults = SHAPE_DEFAULTS[p.tool];
        const w = 'w' in defaults ? defaults.w : 100;
        const h = 'h' in defaults ? defaults.h : 100;
        const input = { type: p.tool, x: Math.round(at.x - w / 2), y: Math.round(at.y - h / 2), ...('color' in defaults ? { color: p.color } : {}) };
        const added = p.model.addShape(input as Parameters<BoardModel['addShape']>[0]);
        if (added) p.onAdded(added);
      }
    },
    [],
  );

  // ---------------------------------------------------------------- pointer gestures
  const onWindowMove = useCallback(
    (e: PointerEvent) => {
      if (!pointers.current.has(e.pointerId)) return;
      const pt = screenPoint(e);
      pointers.current.set(e.pointerId, pt);
      const g = gesture.current;
      const p = live.current;
      if (!g) return;
      if (g.kind === 'pinch') {
        const [a, b] = [...pointers.current.values()];
        if (!a || !b) return;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const scale = clampScale(g.v0.scale * (distance(a, b) / Math.max(1, g.dist0)));
        const anchor = toBoard(g.v0, g.mid0);
        requestView({ scale, x: mid.x - anchor.x * scale, y: mid.y - anchor.y * scale });
        return;
      }
      if (g.pointerId !== e.pointerId) return;
      if (g.kind === 'press' && distance(pt, g.start) > CLICK_SLOP) {
        gesture.current = { kind: 'pan', pointerId: g.pointerId, start: g.start, v0: g.v0 };
        setPanning(true);
      }
      const cur = gesture.current!;
      if (cur.kind === 'pan') {
        requestView({ ...cur.v0, x: cur.v0.x + pt.x - cur.start.x, y: cur.v0.y + pt.y - cur.start.y });
      } else if (cur.kind === 'rect') {
        const box = boxFromCorners(cur.start, toBoard(p.viewport, pt));
        schedule(() => setMarquee(box));
      } else if (cur.kind === 'draw' && !cur.full) {
        const b = toBoard(p.viewport, pt);
        const rx = b.x - cur.origin.x;
        const ry = b.y - cur.origin.y;
        const n = cur.points.length;
        if (Math.hypot(rx - cur.points[n - 2]!, ry - cur.points[n - 1]!) < 2 / p.viewport.scale) return;
        // A stroke ends at the limits (points per stroke, size) rather than being refused.
        if (n + 2 > BOARD_LIMITS.points || Math.abs(rx) > BOARD_LIMITS.size.max || Math.abs(ry) > BOARD_LIMITS.size.max) {
          cur.full = true;
          return;
        }
        cur.points.push(Math.round(rx * 10) / 10, Math.round(ry * 10) / 10);
        const abs = cur.points.map((v, i) => v + (i % 2 === 0 ? cur.origin.x : cur.origin.y));
        schedule(() => setStroke({ points: abs, color: p.color, width: cur.width }));
      }
    },
    [screenPoint, requestView],
  );

  const endGesture = useCallback(() => {
    gesture.current = null;
    setPanning(false);
    // The up/cancel listeners remove themselves once the last pointer is lifted.
    window.removeEventListener('pointermove', onWindowMove);
  }, [onWindowMove]);

  const onWindowUp = useCallback(
    (e: PointerEvent) => {
      if (!pointers.current.has(e.pointerId)) return;
      pointers.current.delete(e.pointerId);
      const g = gesture.current;
      const p = live.current;
      if (pointers.current.size === 0) {
        window.removeEventListener('pointerup', onWindowUp);
        window.removeEventListener('pointercancel', onWindowUp);
      }
      if (!g) return;
      if (g.kind === 'pinch') {
        if (pointers.current.size < 2) endGesture();
        return;
      }
      if (g.pointerId !== e.pointerId) return;
      const cancelled = e.type === 'pointercancel';
      if (g.kind === 'press' && !cancelled) click(g.target, g.shift, toBoard(p.viewport, screenPoint(e)));
      if (g.kind === 'rect') {
        setMarquee(null);
        const end = screenPoint(e);
        if (distance(end, g.startScreen) <= CLICK_SLOP) {
          // Shift + click: add or remove the shape under the pointer.
          if (!cancelled) click(g.target, true, toBoard(p.viewport, end));
        } else if (!cancelled) {
          // The shapes lying wholly inside the rectangle are added to the selection.
          const box = boxFromCorners(g.start, toBoard(p.viewport, end));
          const next = new Set(p.selection);
          for (const s of p.snapshot.ordered) {
            const b = s.type === 'connector' ? connectorBox(s, p.snapshot.byId) : boxOf(s);
            if (b && containsBox(box, b)) next.add(s.id);
          }
          p.onSelection(next);
        }
      }
      if (g.kind === 'draw') {
        setStroke(null);
        if (!cancelled && p.canWrite) {
          const points = g.points.length >= 4 ? g.points : [0, 0, 0, 0];
          p.model.addShape({ type: 'drawing', x: g.origin.x, y: g.origin.y, points, color: p.color, strokeWidth: g.width });
        }
      }
      endGesture();
    },
    [click, endGesture, screenPoint],
  );

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLTextAreaElement) return;
    if (e.pointerType === 'mouse' && e.button !== 0 && e.button !== 1) return;
    wrapRef.current?.focus({ preventScroll: true });
    setHover(null);
    const pt = screenPoint(e);
    // A mouse has one pointer: one whose button was released outside the window is forgotten here.
    if (e.pointerType === 'mouse') pointers.current.clear();
    pointers.current.set(e.pointerId, pt);
    // (Adding the same listener twice is a no-op.)
    window.addEventListener('pointermove', onWindowMove);
    window.addEventListener('pointerup', onWindowUp);
    window.addEventListener('pointercancel', onWindowUp);
    if (pointers.current.size >= 2) {
      // Two fingers: pinch zoom; whatever the first finger started is dropped.
      dragRef.current?.node.stopDrag();
      dragRef.current = null;
      setDrag(null);
      setStroke(null);
      setMarquee(null);
      const [a, b] = [...pointers.current.values()] as [Point, Point];
      gesture.current = { kind: 'pinch', dist0: distance(a, b), mid0: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, v0: currentView() };
      setPanning(true);
      return;
    }
    const hit = hitAt(pt);
    if (hit === 'transformer') {
      gesture.current = { kind: 'shape', pointerId: e.pointerId };
      return;
    }
    const shape = hit ? snapshot.byId.get(hit) : undefined;
    const base = { pointerId: e.pointerId, start: pt, v0: currentView() };
    if (e.button === 1 || spaceDown) {
      gesture.current = { kind: 'pan', ...base };
      setPanning(true);
      return;
    }
    if (tool === 'draw' && canWrite && model.canAdd) {
      const origin = toBoard(viewport, pt);
      const width = Math.round(clamp(3 / viewport.scale, 1, 40) * 2) / 2;
      gesture.current = { kind: 'draw', pointerId: e.pointerId, origin, points: [0, 0], width, full: false };
      setStroke({ points: [origin.x, origin.y, origin.x, origin.y], color: props.color, width });
      return;
    }
    if (tool === 'select' && shape && isDraggable(shape)) {
      // Konva drags it; select it now (shift adds or removes it).
      if (e.shiftKey) {
        const next = new Set(selection);
        if (next.has(shape.id)) next.delete(shape.id);
        else next.add(shape.id);
        props.onSelection(next);
      } else if (!selection.has(shape.id)) props.onSelection(new Set([shape.id]));
      gesture.current = { kind: 'shape', pointerId: e.pointerId };
      return;
    }
    if (tool === 'select' && e.shiftKey) {
      // Shift + drag from anywhere but a movable shape: a selection rectangle (a shift + click still toggles).
      gesture.current = { kind: 'rect', pointerId: e.pointerId, start: toBoard(viewport, pt), startScreen: pt, target: shape?.id ?? null };
      return;
    }
    gesture.current = { kind: 'press', ...base, target: shape?.id ?? null, shift: e.shiftKey };
  };

  useEffect(
    () => () => {
      window.removeEventListener('pointermove', onWindowMove);
      window.removeEventListener('pointerup', onWindowUp);
      window.removeEventListener('pointercancel', onWindowUp);
    },
    [onWindowMove, onWindowUp],
  );

  // Hover (author tooltip) and the cursor the others see.
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const pt = screenPoint(e);
    const p = live.current;
    p.onCursor(toBoard(p.viewport, pt));
    if (e.pointerType !== 'mouse' || gesture.current || dragRef.current) return;
    schedule(() => {
      const id = hitAt(pt);
      setHover(id && id !== 'transformer' ? { id, x: pt.x, y: pt.y } : null);
    });
  };
  const onPointerLeave = () => {
    live.current.onCursor(null);
    setHover(null);
  };

  // Wheel zoom around the pointer (passive: false, so the page does not scroll meanwhile).
  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const pt = screenPoint(e);
      const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
      requestView(zoomAt(pendingView.current ?? live.current.viewport, factor, pt));
      // No hit testing while the wheel turns (the hit canvas would be redrawn every frame).
      setWheeling(true);
      if (wheelTimer.current !== null) clearTimeout(wheelTimer.current);
      wheelTimer.current = setTimeout(() => setWheeling(false), 200);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [screenPoint, requestView]);

  // ---------------------------------------------------------------- dragging shapes (Konva)
  const onDragStart = (e: Konva.KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (node === stageRef.current) return;
    const id = node.id();
    const p = live.current;
    const chosen = p.selection.has(id) ? [...p.selection] : [id];
    const ids = chosen.filter((x) => {
      const s = p.snapshot.byId.get(x);
      return s && s.type !== 'connector' && p.model.canEdit(s);
    });
    // A frame carries its shapes: they are drawn moving with it.
    const moving = new Set(ids);
    const frames = new Set(ids.filter((x) => p.snapshot.byId.get(x)?.type === 'frame'));
    if (frames.size > 0) for (const s of p.snapshot.ordered) if (s.frameId && frames.has(s.frameId)) moving.add(s.id);
    dragRef.current = { node, ids, start: { x: node.x(), y: node.y() } };
    setHover(null);
    setDrag({ ids: moving, anchorId: id, dx: 0, dy: 0 });
  };
  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    const d = dragRef.current;
    if (!d || e.target !== d.node) return;
    const dx = d.node.x() - d.start.x;
    const dy = d.node.y() - d.start.y;
    schedule(() => setDrag((cur) => (cur ? { ...cur, dx, dy } : cur)));
  };
  const onDragEnd = (e: Konva.KonvaEventObject<DragEvent>) => {
    const d = dragRef.current;
    if (!d || e.target !== d.node) return;
    dragRef.current = null;
    const dx = d.node.x() - d.start.x;
    const dy = d.node.y() - d.start.y;
    const p = live.current;
    if (dx !== 0 || dy !== 0) p.model.moveShapes(d.ids, Math.round(dx), Math.round(dy));
    // Where the model has it now (also when the move was refused).
    const now = p.model.get(d.node.id());
    if (now) d.node.position({ x: now.x, y: now.y });
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    setDrag(null);
  };

  const stableDragStart = useStableCallback(onDragStart);
  const stableDragMove = useStableCallback(onDragMove);
  const stableDragEnd = useStableCallback(onDragEnd);
  const dragHandlers = useMemo<DragHandlers>(
    () => ({ onDragStart: stableDragStart, onDragMove: stableDragMove, onDragEnd: stableDragEnd }),
    [stableDragStart, stableDragMove, stableDragEnd],
  );

  // ---------------------------------------------------------------- resizing (Transformer)
  useEffect(() => {
    const tr = trRef.current;
    const stage = stageRef.current;
    if (!tr || !stage) return;
    const nodes =
      tool === 'select' && canWrite && !editingId && !drag
        ? [...selection]
            .map((id) => snapshot.byId.get(id))
            .filter((s): s is Shape => !!s && s.type !== 'connector' && model.canEdit(s))
            .map((s) => stage.findOne(`#${s.id}`))
            .filter((n): n is Konva.Node => !!n)
        : [];
    tr.nodes(nodes);
    tr.getLayer()?.batchDraw();
  }, [selection, snapshot, tool, canWrite, editingId, drag, model, boardLocked, stageRef]);

  const onTransformEnd = () => {
    const tr = trRef.current;
    if (!tr) return;
    model.stopCapturing();
    tr.nodes().forEach((node, i) => {
      const s = model.get(node.id());
      const sx = node.scaleX();
      const sy = node.scaleY();
      node.scale({ x: 1, y: 1 });
      if (!s) return;
      let box: Box;
      if (s.type === 'drawing') {
        const xs = s.points.filter((_, j) => j % 2 === 0);
        const ys = s.points.filter((_, j) => j % 2 === 1);
        const minX = Math.min(...xs);
        const minY = Math.min(...ys);
        box = { x: node.x() + minX * sx, y: node.y() + minY * sy, w: (Math.max(...xs) - minX) * sx, h: (Math.max(...ys) - minY) * sy };
      } else if ('w' in s) {
        box = { x: node.x(), y: node.y(), w: s.w * sx, h: s.h * sy };
      } else return;
      model.resizeShape(s.id, { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) }, { merge: i > 0 });
      const now = model.get(s.id);
      if (now) node.position({ x: now.x, y: now.y });
    });
  };

  // ---------------------------------------------------------------- double click: edit text
  const onDblClick = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const group = e.target.findAncestor('.shape', true);
    const shape = group ? snapshot.byId.get(group.id()) : undefined;
    if (shape && canWrite && model.canEdit(shape) && textFieldOf(shape) && tool === 'select') props.onEdit(shape.id);
  };

  // ---------------------------------------------------------------- keys (when the canvas has focus)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const mod = e.ctrlKey || e.metaKey;
    const command = ((): BoardCommand | null => {
      if (e.key === ' ') {
        setSpaceDown(true);
        return null;
      }
      if (e.key === 'Delete' || e.key === 'Backspace') return { type: 'delete' };
      if (mod && e.key.toLowerCase() === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
      if (mod && e.key.toLowerCase() === 'y') return { type: 'redo' };
      if (e.key === 'Enter') return { type: 'edit' };
      if (e.key === 'Escape') return { type: 'escape' };
      if (e.key === '+' || e.key === '=') return { type: 'zoom', factor: 1.25 };
      if (e.key === '-') return { type: 'zoom', factor: 0.8 };
      const step = e.shiftKey ? 1 : 10;
      if (e.key === 'ArrowLeft') return { type: 'move', dx: -step, dy: 0 };
      if (e.key === 'ArrowRight') return { type: 'move', dx: step, dy: 0 };
      if (e.key === 'ArrowUp') return { type: 'move', dx: 0, dy: -step };
      if (e.key === 'ArrowDown') return { type: 'move', dx: 0, dy: step };
      return null;
    })();
    if (e.key === ' ' || command) e.preventDefault();
    if (command) props.onCommand(command);
  };
  const onKeyUp = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === ' ') setSpaceDown(false);
  };

  // ---------------------------------------------------------------- drawing
  const [cull, setCull] = useState<Box | null>(null);
  useEffect(() => {
    if (size.width <= 0 || size.height <= 0) return;
    const next = cullBox(viewport, size);
    setCull((cur) => (sameBox(cur, next) ? cur : next));
  }, [viewport, size]);

  const hovered = hover && !editingId ? snapshot.byId.get(hover.id) : undefined;
  const editing = editingId ? snapshot.byId.get(editingId) : undefined;
  const { onEdit } = props;
  const closeEditor = useCallback(() => {
    onEdit(null);
    requestAnimationFrame(() => wrapRef.current?.focus({ preventScroll: true }));
  }, [onEdit]);
  const editingFirst = useRef(true);
  useEffect(() => {
    editingFirst.current = true;
  }, [editingId]);

  const cursor = panning ? 'grabbing' : spaceDown ? 'grab' : tool === 'select' ? (voting ? 'pointer' : 'default') : 'crosshair';
  // The dot grid moves and scales with the board (kept between 12 and 48 pixels apart).
  let grid = 24 * viewport.scale;
  while (grid < 12) grid *= 2;
  while (grid > 48) grid /= 2;
  const myDots = props.myDots;
  const results = props.results;
  const badges = useMemo(() => ({ myDots, results }), [myDots, results]);

  return (
    // The frame carries the border, so the canvas element's box is exactly the stage's (pointer maths, tests).
    <div className="board-canvas-frame">
    <div
      ref={wrapRef}
      className="board-canvas"
      data-testid="board-canvas"
      data-tool={tool}
      data-vx={Math.round(viewport.x)}
      data-vy={Math.round(viewport.y)}
      data-scale={Math.round(viewport.scale * 1000) / 1000}
      tabIndex={0}
      role="application"
      aria-roledescription={t('boards.canvas.role')}
      aria-label={t('boards.canvas.label')}
      aria-describedby="board-canvas-help"
      style={{ cursor, backgroundSize: `${grid}px ${grid}px`, backgroundPosition: `${viewport.x}px ${viewport.y}px` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onBlur={() => setSpaceDown(false)}
      onContextMenu={(e) => e.preventDefault()}
    >
      {size.width > 0 && size.height > 0 ? (
        <Stage
          ref={stageRef}
          width={size.width}
          height={size.height}
          x={viewport.x}
          y={viewport.y}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          onDblClick={onDblClick}
          onDblTap={onDblClick}
        >
          <ShapesLayer
            snapshot={snapshot}
            selection={selection}
            connectFrom={connectFrom}
            editingId={editingId}
            drag={drag}
            cull={cull}
            isDraggable={isDraggable}
            interactive={!panning && !wheeling && !drag}
            lod={lodOf(viewport.scale)}
            dragHandlers={dragHandlers}
          />
          <BadgesLayer snapshot={snapshot} myDots={badges.myDots} results={badges.results} selection={selection} scale={viewport.scale} />
          <DraftLayer stroke={stroke} marquee={marquee} scale={viewport.scale} />
          <Layer name="selection">
            <Transformer
              ref={trRef}
              rotateEnabled={false}
              flipEnabled={false}
              keepRatio={false}
              ignoreStroke
              anchorSize={12}
              anchorCornerRadius={2}
              anchorStroke={SELECTION_COLOR}
              borderStroke={SELECTION_COLOR}
              borderStrokeWidth={1.5}
              boundBoxFunc={(oldBox, newBox) => (Math.abs(newBox.width) < 8 || Math.abs(newBox.height) < 8 ? oldBox : newBox)}
              onTransformStart={() => model.stopCapturing()}
              onTransformEnd={onTransformEnd}
            />
          </Layer>
          <CursorsLayer awareness={props.awareness} myUserId={props.myUserId} scale={viewport.scale} />
        </Stage>
      ) : null}
      {editing ? (
        <TextEditorOverlay
          key={editing.id}
          shape={editing}
          byId={snapshot.byId}
          viewport={viewport}
          onChange={(text) => {
            const field = textFieldOf(editing);
            if (!field) return;
            model.updateShape(editing.id, { [field]: text } as never, { merge: !editingFirst.current });
            editingFirst.current = false;
          }}
          onClose={closeEditor}
        />
      ) : null}
      {hovered ? (
        <div className="board-tooltip" role="tooltip" style={{ left: hover!.x + 14, top: hover!.y + 16 }} data-testid="shape-tooltip">
          {props.describeAuthor(hovered)}
        </div>
      ) : null}
    </div>
    </div>
  );
}
