import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { BoardSettings } from '@relab/shared';
import type * as Y from 'yjs';
import { BoardModel, type ShapesSnapshot } from './model/BoardModel.js';

/** How often other people's changes are drawn, at most (ms). */
const REMOTE_BATCH_MS = 100;

/** The board model of a Y.Doc for as long as the doc lives (null before the doc exists). */
export function useBoardModel(doc: Y.Doc | null, authorId: string, isFacilitator: boolean): BoardModel | null {
  const [model, setModel] = useState<BoardModel | null>(null);
  // The author and the role are updated in place (a new model would lose the undo history): read through refs.
  const [initial] = useState(() => ({ authorId, isFacilitator }));
  useEffect(() => {
    if (!doc) return undefined;
    const m = new BoardModel(doc, { ...initial, remoteBatchMs: REMOTE_BATCH_MS });
    setModel(m);
    return () => {
      m.destroy();
      setModel(null);
    };
  }, [doc, initial]);
  useEffect(() => {
    model?.setContext({ authorId, isFacilitator });
  }, [model, authorId, isFacilitator]);
  return model;
}

const EMPTY: ShapesSnapshot = { version: -1, byId: new Map(), ordered: [] };
const NO_SETTINGS: BoardSettings = {};
const noop = () => () => {};

/** The shapes, re-read only after a change (unchanged shapes keep their object, so memoised nodes are not redrawn). */
export function useShapes(model: BoardModel | null): ShapesSnapshot {
  const subscribe = useCallback((l: () => void) => (model ? model.subscribe(l) : noop()), [model]);
  return useSyncExternalStore(subscribe, () => (model ? model.snapshot() : EMPTY));
}

export function useBoardSettings(model: BoardModel | null): BoardSettings {
  const subscribe = useCallback((l: () => void) => (model ? model.subscribeSettings(l) : noop()), [model]);
  return useSyncExternalStore(subscribe, () => (model ? model.settings() : NO_SETTINGS));
}

/** Whether undo and redo are possible now. */
export function useHistory(model: BoardModel | null): { canUndo: boolean; canRedo: boolean } {
  const subscribe = useCallback((l: () => void) => (model ? model.subscribeHistory(l) : noop()), [model]);
  const canUndo = useSyncExternalStore(subscribe, () => model?.canUndo ?? false);
  const canRedo = useSyncExternalStore(subscribe, () => model?.canRedo ?? false);
  return { canUndo, canRedo };
}
