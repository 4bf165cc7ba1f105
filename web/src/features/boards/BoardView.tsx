/**
 * A whiteboard page's live part: the document (through the RELAB provider), the canvas, the toolbar, the list of
 * shapes, who is here (cursors, following), the facilitator's controls, voting and export.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS, type BoardDetail, type Member, type Shape, type ShapeColor } from '@relab/shared';
import { Throttle } from '../../collab/timing.js';
import { useCollabDoc } from '../../collab/useCollabDoc.js';
import { Loading } from '../../components/Loading.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction } from '../../lib/useAction.js';
import { CollabStatusLine } from '../notes/CollabStatusLine.js';
import { boardsApi, exportFileName } from './api.js';
import { ADD_TOOLS, BoardCanvas, type BoardCommand, type Tool } from './canvas/BoardCanvas.js';
import { textFieldOf } from './canvas/TextEditorOverlay.js';
import { ZOOM_STEP, centerOfView, fitBox, viewportAt, visibleBox, zoomAt, type Size, type Viewport } from './canvas/viewport.js';
import { exportPng, exportSvg } from './exportBoard.js';
import { boxOf, boxesIntersect, centerOf, clamp, contentBounds, type Point } from './model/geometry.js';
import { SHAPE_DEFAULTS } from './model/BoardModel.js';
import { newUuid } from './model/ids.js';
import { BoardPresence } from './parts/BoardPresence.js';
import { BoardTimer } from './parts/BoardTimer.js';
import { BoardToolbar } from './parts/BoardToolbar.js';
import { FacilitationPanel } from './parts/FacilitationPanel.js';
import { ShapeList } from './parts/ShapeList.js';
import { VotePanel, VoteResults } from './parts/VotePanel.js';
import { peersOf, peoplePerUser } from './presence.js';
import { useBoardModel, useBoardSettings, useHistory, useShapes } from './useBoardModel.js';
import { useStableCallback } from './useStableCallback.js';
import { useVotes } from './useVotes.js';

/** Cursor and view are shared at most this often (the server accepts 15 awareness messages a second). */
const AWARENESS_MS = 70;
const PROVISIONAL_COLOR = '#1d4f91';
const EMPTY_SET: ReadonlySet<string> = new Set();

interface Props {
  labId: string;
  detail: BoardDetail;
  me: { id: string; displayName: string };
  members: Member[] | undefined;
  /** Called when this copy of the board can no longer be saved and must be loaded again from the server. */
  onReset: () => void;
}

/**
 * Refusals that leave this copy of the board different from the server's for good: a change refused by the board's
 * rules (e.g. a shape locked or deleted by someone else at the same moment), and everything built on it after.
 */
const DIVERGED: ReadonlySet<string> = new Set(['SCHEMA_REJECTED', 'MISSING_DEPENDENCIES', 'FOREIGN_CLIENT_ID']);

export function BoardView({ labId, detail, me, members, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const { doc, provider, status, access, user, error, synced } = useCollabDoc(detail.docName);
  const model = useBoardModel(doc, me.id, detail.isFacilitator);
  const snapshot = useShapes(model);
  const settings = useBoardSettings(model);
  const history = useHistory(model);

  const canWrite = (access ?? detail.myAccess) === 'write';
  const boardLocked = settings.locked === true;
  const canEdit = canWrite && (detail.isFacilitator || !boardLocked);
  const closed = access === 'none' || (status === 'error' && access === null);

  const [tool, setTool] = useState<Tool>('select');
  const [color, setColor] = useState<ShapeColor>('yellow');
  const [selection, setSelection] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [viewport, setViewport] = useState<Viewport>({ x: 0, y: 0, scale: 1 });
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [following, setFollowing] = useState<string | null>(null);
  const [voteMode, setVoteMode] = useState(false);
  const [notice, setNotice] = useState('');
  const stageRef = useRef<Konva.Stage | null>(null);
  const listTitleRef = useRef<HTMLHeadingElement | null>(null);
  const announce = useCallback((text: string) => {
    // The same text twice in a row is announced again.
    setNotice('');
    requestAnimationFrame(() => setNotice(text));
  }, []);

  // A refused change stays in this copy (and its offline copy) and every later change builds on it: start again from
  // the server's board (the refused change is lost, which the page says). MISSING_DEPENDENCIES alone may pass with
  // the provider's own new handshake, so it gets a little longer.
  useEffect(() => {
    if (status !== 'error' || !error || !DIVERGED.has(error) || !provider) return undefined;
    const timer = setTimeout(
      () => {
        void provider
          .clearLocal()
          .catch(() => undefined)
          .then(onReset);
      },
      error === 'MISSING_DEPENDENCIES' ? 4000 : 800,
    );
    return () => clearTimeout(timer);
  }, [status, error, provider, onReset]);

  // ---------------------------------------------------------------- names
  const names = useMemo(() => new Map((members ?? []).map((m) => [m.userId, m.displayName])), [members]);
  const authorName = useCallback(
    (userId: string) => (userId === me.id ? t('collab.you', { name: me.displayName }) : (names.get(userId) ?? t('boards.unknownAuthor'))),
    [names, me.id, me.displayName, t],
  );
  const describeAuthor = useCallback(
    (shape: Shape) => t('boards.addedBy', { name: authorName(shape.authorId), date: formatDateTime(shape.createdAt, i18n.language) }),
    [authorName, t, i18n.language],
  );

  // ---------------------------------------------------------------- keep state consistent with the document
  useEffect(() => {
    const gone = [...selection].filter((id) => !snapshot.byId.has(id));
    if (gone.length > 0) setSelection(new Set([...selection].filter((id) => snapshot.byId.has(id))));
    if (editingId) {
      const s = snapshot.byId.get(editingId);
      if (!s || !model?.canEdit(s)) setEditingId(null);
    }
    if (connectFrom && !snapshot.byId.has(connectFrom)) setConnectFrom(null);
  }, [snapshot, selection, editingId, connectFrom, model, boardLocked]);

  useEffect(() => {
    if (!canEdit) {
      setTool('select');
      setEditingId(null);
      setConnectFrom(null);
    }
  }, [canEdit]);

  // ---------------------------------------------------------------- the view
  const fitted = useRef(false);
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;
  useEffect(() => {
    if (fitted.current || size.width === 0 || !model) return undefined;
    const fit = () => {
      if (fitted.current) return;
      fitted.current = true;
      setViewport(fitBox(contentBounds(snapshotRef.current.ordered), size));
    };
    if (synced) {
      fit();
      return undefined;
    }
    // Offline: show what the local copy holds.
    const timer = setTimeout(fit, 2500);
    return () => clearTimeout(timer);
  }, [synced, size, model]);

  const onViewport = useCallback((v: Viewport, byUser: boolean) => {
    if (byUser) setFollowing(null);
    setViewport(v);
  }, []);

  const zoom = useCallback(
    (factor: number) => {
      setFollowing(null);
      setViewport((v) => zoomAt(v, factor, { x: size.width / 2, y: size.height / 2 }));
    },
    [size],
  );

  /** Brings a shape into view (keeping the zoom) when it is off screen. */
  const showShape = useCallback(
    (id: string) => {
      const s = snapshot.byId.get(id);
      if (!s) return;
      let box = boxOf(s);
      if (!box && s.type === 'connector') {
        const a = snapshot.byId.get(s.from);
        const b = snapshot.byId.get(s.to);
        const ba = a && boxOf(a);
        const bb = b && boxOf(b);
        if (ba && bb) box = { x: Math.min(ba.x, bb.x), y: Math.min(ba.y, bb.y), w: 1, h: 1 };
      }
      if (!box || size.width === 0) return;
      if (boxesIntersect(box, visibleBox(viewport, size))) return;
      const c = centerOf(box);
      setFollowing(null);
      setViewport(viewportAt({ x: c.x, y: c.y, scale: viewport.scale }, size));
    },
    [snapshot, viewport, size],
  );

  // ---------------------------------------------------------------- awareness: my cursor and view; the others
  const awareness = provider?.awareness ?? null;
  const shared = useRef<{ cursor: Point | null; viewport: { x: number; y: number; scale: number } | null }>({ cursor: null, viewport: null });
  const throttle = useMemo(
    () =>
      awareness
        ? new Throttle(() => {
            const local = awareness.getLocalState() ?? {};
            awareness.setLocalState({ ...local, cursor: shared.current.cursor, viewport: shared.current.viewport });
          }, AWARENESS_MS)
        : null,
    [awareness],
  );
  useEffect(() => () => throttle?.cancel(), [throttle]);
  const onCursor = useCallback(
    (p: Point | null) => {
      shared.current.cursor = p ? { x: Math.round(p.x), y: Math.round(p.y) } : null;
      throttle?.call();
    },
    [throttle],
  );
  useEffect(() => {
    if (size.width === 0) return;
    const c = centerOfView(viewport, size);
    shared.current.viewport = { x: Math.round(c.x), y: Math.round(c.y), scale: Math.round(c.scale * 1000) / 1000 };
    throttle?.call();
  }, [viewport, size, throttle]);

  // Following someone: my view goes where theirs goes, until I pan or zoom myself.
  const sizeRef = useRef(size);
  sizeRef.current = size;
  useEffect(() => {
    if (!following || !awareness) return undefined;
    const apply = () => {
      const leader = peoplePerUser(peersOf(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID)).find((p) => p.userId === following);
      if (!leader) {
        setFollowing(null);
        return;
      }
      const { width } = sizeRef.current;
      if (!leader.viewport || width === 0) return;
      const next = viewportAt(leader.viewport, sizeRef.current);
      setViewport((v) => (v.x === next.x && v.y === next.y && v.scale === next.scale ? v : next));
    };
    apply();
    awareness.on('change', apply);
    return () => awareness.off('change', apply);
  }, [following, awareness]);

  // "Bring everyone to me": a new focus id moves every view there (not the one who asked, nor old ones on arrival).
  const seenFocus = useRef<string | null | undefined>(undefined);
  const focus = settings.focus;
  useEffect(() => {
    if (!synced) return;
    if (seenFocus.current === undefined) {
      seenFocus.current = focus?.id ?? null;
      return;
    }
    if (!focus || focus.id === seenFocus.current) return;
    seenFocus.current = focus.id;
    if (focus.userId === me.id || size.width === 0) return;
    setFollowing(null);
    setViewport(viewportAt(focus, size));
    announce(t('boards.focus.moved', { name: authorName(focus.userId) }));
  }, [focus, synced, me.id, size, authorName, announce, t]);

  // ---------------------------------------------------------------- votes
  const votes = useVotes(labId, detail.id, settings.vote, canWrite);
  const voteAction = useAction();
  const results = settings.vote && !settings.vote.open ? (settings.vote.results ?? null) : null;
  useEffect(() => {
    if (!votes.open) setVoteMode(false);
  }, [votes.open]);
  const vote = useCallback(
    (shapeId: string) => {
      const s = snapshot.byId.get(shapeId);
      if (s?.type !== 'sticky') return;
      void votes.add(shapeId);
    },
    [snapshot, votes],
  );

  // ---------------------------------------------------------------- commands
  const single = selection.size === 1 ? (snapshot.byId.get([...selection][0]!) ?? null) : null;

  const undoRedo = useCallback(
    (kind: 'undo' | 'redo') => {
      if (!model || !canEdit) return;
      const result = kind === 'undo' ? model.undo() : model.redo();
      if (result === 'blocked') announce(t('boards.undoBlocked'));
    },
    [model, canEdit, announce, t],
  );

  const deleteShapes = useCallback(
    (ids: ReadonlySet<string>) => {
      if (!model || !canEdit || ids.size === 0) return;
      const deleted = model.deleteShapes(ids);
      if (deleted.length > 0) {
        setSelection(EMPTY_SET);
        announce(t('boards.deleted', { count: deleted.length }));
      } else announce(t('boards.notAllowed'));
    },
    [model, canEdit, announce, t],
  );

  const startEditing = useCallback(
    (id: string) => {
      const s = snapshot.byId.get(id);
      if (s && model && canEdit && model.canEdit(s) && textFieldOf(s)) {
        model.stopCapturing();
        setEditingId(id);
        showShape(id);
      }
    },
    [snapshot, model, canEdit, showShape],
  );

  const onCommand = useCallback(
    (command: BoardCommand, ids: ReadonlySet<string> = selection) => {
      switch (command.type) {
        case 'delete':
          deleteShapes(ids);
          break;
        case 'undo':
        case 'redo':
          undoRedo(command.type);
          break;
        case 'edit':
          if (ids.size === 1) startEditing([...ids][0]!);
          break;
        case 'escape':
          setConnectFrom(null);
          setSelection(EMPTY_SET);
          setVoteMode(false);
          break;
        case 'move':
          if (model && canEdit && ids.size > 0) model.moveShapes(ids, command.dx, command.dy);
          break;
        case 'zoom':
          zoom(command.factor);
          break;
      }
    },
    [selection, deleteShapes, undoRedo, startEditing, model, canEdit, zoom],
  );

  const onAdded = useCallback(
    (shape: Shape) => {
      setSelection(new Set([shape.id]));
      if (shape.type !== 'connector') setTool('select');
      if (shape.type === 'sticky' || shape.type === 'text') {
        model?.stopCapturing();
        setEditingId(shape.id);
      }
      announce(t('boards.added', { what: t(`boards.types.${shape.type}`) }));
    },
    [model, announce, t],
  );

  const chooseTool = useCallback((next: Tool, byKeyboard = false) => {
    setTool(next);
    setConnectFrom(null);
    setEditingId(null);
    setVoteMode(false);
    // From the keyboard there is no pointer to click with: the shape is added in the middle of the view.
    if (byKeyboard && model && canEdit && (ADD_TOOLS as readonly string[]).includes(next) && size.width > 0) {
      const c = centerOfView(viewport, size);
      const defaults = SHAPE_DEFAULTS[next as (typeof ADD_TOOLS)[number]];
      const w = 'w' in defaults ? defaults.w : 100;
      const h = 'h' in defaults ? defaults.h : 100;
      const added = model.addShape({
        type: next as (typeof ADD_TOOLS)[number],
        x: Math.round(c.x - w / 2),
        y: Math.round(c.y - h / 2),
        ...('color' in defaults ? { color } : {}),
      } as Parameters<typeof model.addShape>[0]);
      if (added) onAdded(added);
      return;
    }
    // Two shapes selected and the connector tool chosen: join them at once (a keyboard path to connectors).
    if (next === 'connector' && model && selection.size === 2) {
      const [a, b] = [...selection];
      const added = model.addShape({ type: 'connector', from: a!, to: b! });
      if (added) {
        setSelection(new Set([added.id]));
        announce(t('boards.added', { what: t('boards.types.connector') }));
      }
    }
  }, [model, selection, announce, t, canEdit, size, viewport, color, onAdded]);

  const chooseColor = useCallback(
    (c: ShapeColor) => {
      setColor(c);
      if (!model || !canEdit) return;
      // Recolour the selected shapes that have a colour.
      model.stopCapturing();
      let first = true;
      for (const id of selection) {
        const s = model.get(id);
        if (s && 'color' in s && s.color !== c) {
          model.updateShape(id, { color: c }, { merge: !first });
          first = false;
        }
      }
    },
    [model, canEdit, selection],
  );

  // ---------------------------------------------------------------- the list of shapes (keyboard, screen readers)
  const onActivate = useCallback(
    (id: string, shift: boolean) => {
      const s = snapshot.byId.get(id);
      if (!s || !model) return;
      if (tool === 'connector' && canEdit) {
        if (s.type === 'connector') return;
        if (!connectFrom) {
          setConnectFrom(id);
          announce(t('boards.connect.second'));
        } else if (connectFrom !== id) {
          const added = model.addShape({ type: 'connector', from: connectFrom, to: id });
          setConnectFrom(null);
          if (added) onAdded(added);
        }
        return;
      }
      if (voteMode) {
        vote(id);
        return;
      }
      if (shift) {
        const next = new Set(selection);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        setSelection(next);
        return;
      }
      if (selection.size === 1 && selection.has(id)) {
        startEditing(id);
        return;
      }
      setSelection(new Set([id]));
      showShape(id);
    },
    [snapshot, model, tool, canEdit, connectFrom, voteMode, vote, selection, startEditing, showShape, onAdded, announce, t],
  );

  const onListKey = useCallback(
    (id: string, e: KeyboardEvent<HTMLButtonElement>) => {
      const ids = selection.has(id) ? selection : new Set([id]);
      const arrows: Record<string, [number, number]> = { ArrowLeft: [-10, 0], ArrowRight: [10, 0], ArrowUp: [0, -10], ArrowDown: [0, 10] };
      const arrow = arrows[e.key];
      if (arrow) {
        e.preventDefault();
        if (!selection.has(id)) setSelection(ids);
        onCommand({ type: 'move', dx: arrow[0], dy: arrow[1] }, ids);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        onCommand({ type: 'delete' }, ids);
        requestAnimationFrame(() => listTitleRef.current?.focus());
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onCommand({ type: 'escape' });
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undoRedo(e.shiftKey ? 'redo' : 'undo');
      }
    },
    [selection, onCommand, undoRedo],
  );

  const stableActivate = useStableCallback(onActivate);
  const stableListKey = useStableCallback(onListKey);

  // ---------------------------------------------------------------- facilitation
  const bringEveryone = () => {
    if (!model || size.width === 0) return;
    const c = centerOfView(viewport, size);
    const limit = BOARD_LIMITS.coordinate;
    const ok = model.setBoardSetting('focus', {
      id: newUuid(),
      userId: me.id,
      x: Math.round(clamp(c.x, -limit, limit)),
      y: Math.round(clamp(c.y, -limit, limit)),
      scale: clamp(Math.round(c.scale * 1000) / 1000, 0.05, 8),
    });
    if (ok) announce(t('boards.focus.sent'));
  };
  const startTimer = (seconds: number) => {
    const s = clamp(seconds, BOARD_LIMITS.timerSeconds.min, BOARD_LIMITS.timerSeconds.max);
    model?.setBoardSetting('timer', { endsAt: new Date(Date.now() + s * 1000).toISOString(), seconds: s });
  };
  const stopTimer = () => {
    model?.setBoardSetting('timer', { endsAt: null, seconds: settings.timer?.seconds ?? 300 });
  };
  const selectionLocked = selection.size > 0 && [...selection].every((id) => snapshot.byId.get(id)?.locked);

  // ---------------------------------------------------------------- export
  const exportAction = useAction();
  const onExportPng = () => {
    const stage = stageRef.current;
    if (!stage) return;
    void exportAction.run(() => exportPng(stage, snapshot.ordered, exportFileName(detail.title, 'png')));
  };
  const onExportSvg = () => {
    exportSvg(snapshot.ordered, exportFileName(detail.title, 'svg'), detail.title);
  };

  const myColor = user?.color ?? PROVISIONAL_COLOR;
  const myName = user?.name ?? me.displayName;
  const presenceMe = useMemo(() => ({ id: me.id, name: myName, color: myColor }), [me.id, myName, myColor]);
  const full = snapshot.ordered.length >= BOARD_LIMITS.shapes;

  return (
    <div className="board-view">
      <div className="board-top">
        <CollabStatusLine status={status} error={error} />
        {access === 'read' || (!access && detail.myAccess === 'read') ? (
          <p className="alert alert-info" data-testid="board-read-only">
            {t('boards.readOnly')}
          </p>
        ) : null}
        {boardLocked ? (
          <p className="alert alert-warning" data-testid="board-locked">
            {detail.isFacilitator ? t('boards.lockedFacilitator') : t('boards.locked')}
          </p>
        ) : null}
        {full ? <p className="alert alert-warning">{t('boards.full', { max: BOARD_LIMITS.shapes })}</p> : null}
        <BoardTimer timer={settings.timer} />
        {exportAction.error ? (
          <p className="alert alert-error" role="alert">
            {t('boards.export.failed')}
          </p>
        ) : null}
      </div>
      {closed ? null : (
        <div className="board-layout">
          <div className="board-main">
            <BoardToolbar
              tool={tool}
              onTool={chooseTool}
              color={color}
              onColor={chooseColor}
              canEdit={canEdit}
              canUndo={history.canUndo}
              canRedo={history.canRedo}
              hasSelection={selection.size > 0}
              onUndo={() => undoRedo('undo')}
              onRedo={() => undoRedo('redo')}
              onDelete={() => deleteShapes(selection)}
              onFront={() => model?.bringToFront(selection)}
              onZoomIn={() => zoom(ZOOM_STEP)}
              onZoomOut={() => zoom(1 / ZOOM_STEP)}
              onZoomReset={() => {
                setFollowing(null);
                setViewport(fitBox(contentBounds(snapshot.ordered), size));
              }}
              onExportPng={onExportPng}
              onExportSvg={onExportSvg}
            />
            {tool === 'connector' ? (
              <p className="board-tool-hint" data-testid="connector-hint">
                {connectFrom ? t('boards.connect.second') : t('boards.connect.first')}
              </p>
            ) : tool !== 'select' ? (
              <p className="board-tool-hint">{tool === 'draw' ? t('boards.drawHint') : t('boards.addHint')}</p>
            ) : voteMode ? (
              <p className="board-tool-hint">{t('boards.vote.modeHint')}</p>
            ) : null}
            {model ? (
              <BoardCanvas
                model={model}
                snapshot={snapshot}
                boardLocked={boardLocked}
                viewport={viewport}
                onViewport={onViewport}
                size={size}
                onSize={setSize}
                tool={tool}
                color={color}
                canWrite={canEdit}
                selection={selection}
                onSelection={setSelection}
                editingId={editingId}
                onEdit={setEditingId}
                connectFrom={connectFrom}
                onConnectFrom={setConnectFrom}
                onAdded={onAdded}
                voting={voteMode}
                onVote={vote}
                awareness={awareness}
                myUserId={me.id}
                myDots={votes.myDots}
                results={results}
                onCursor={onCursor}
                onCommand={onCommand}
                describeAuthor={describeAuthor}
                stageRef={stageRef}
              />
            ) : (
              <Loading />
            )}
            <p id="board-canvas-help" className="hint board-help">
              {t('boards.canvas.help')}
            </p>
            <ShapeList
              snapshot={snapshot}
              selection={selection}
              authorName={authorName}
              results={results}
              myDots={votes.myDots}
              onActivate={stableActivate}
              onKeyCommand={stableListKey}
              titleRef={listTitleRef}
            />
            <p className="visually-hidden" role="status" aria-live="polite" data-testid="board-announcer">
              {notice}
            </p>
          </div>
          <aside className="board-side" aria-label={t('boards.side')}>
            {awareness ? <BoardPresence awareness={awareness} me={presenceMe} following={following} onFollow={setFollowing} /> : null}
            {detail.isFacilitator && canWrite ? (
              <FacilitationPanel
                settings={settings}
                hasSelection={selection.size > 0}
                selectionLocked={selectionLocked}
                onLockShapes={(locked) => model?.setLocked(selection, locked)}
                onLockBoard={(locked) => model?.setBoardSetting('locked', locked)}
                onTimerStart={startTimer}
                onTimerStop={stopTimer}
                onBringEveryone={bringEveryone}
                onOpenVote={(n) => void voteAction.run(() => boardsApi.openVoteRound(labId, detail.id, n))}
                onCloseVote={() => void voteAction.run(() => boardsApi.closeVoteRound(labId, detail.id))}
                votePending={voteAction.pending}
                voteError={voteAction.error}
              />
            ) : null}
            <VotePanel votes={votes} canVote={canWrite} selected={single} voteMode={voteMode} onVoteMode={setVoteMode} />
            {results ? <VoteResults results={results} byId={snapshot.byId} onShow={(id) => {
                  setSelection(new Set([id]));
                  showShape(id);
                }} /> : null}
          </aside>
        </div>
      )}
    </div>
  );
}
