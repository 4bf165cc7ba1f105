import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoardSettings, MyVotes } from '@relab/shared';
import { boardsApi } from './api.js';

export interface VotesState {
  /** The round in the board settings (written by the server). */
  round: BoardSettings['vote'] | undefined;
  open: boolean;
  /** My dots in the open round (only mine: nobody sees counts before the round closes). */
  mine: MyVotes | null;
  /** My dots per shape. */
  myDots: ReadonlyMap<string, number>;
  left: number;
  error: unknown;
  pending: boolean;
  add: (shapeId: string) => Promise<void>;
  remove: (shapeId: string) => Promise<void>;
  clearError: () => void;
}

const NO_DOTS: ReadonlyMap<string, number> = new Map();

/** Dots per shape from the list of my dots (one entry per dot). */
export function countDots(mine: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of mine) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** My dots of the board's voting round, loaded again whenever the round opens, closes or changes. */
export function useVotes(labId: string, boardId: string, round: BoardSettings['vote'] | undefined, canVote: boolean): VotesState {
  const [mine, setMine] = useState<MyVotes | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const roundId = round?.roundId ?? null;
  const open = round?.open ?? false;

  useEffect(() => {
    setMine(null);
    if (!roundId || !open || !canVote) return undefined;
    let current = true;
    boardsApi.myVotes(labId, boardId).then(
      (v) => current && setMine(v),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [labId, boardId, roundId, open, canVote]);

  const run = useCallback(async (call: () => Promise<MyVotes>) => {
    setPending(true);
    setError(null);
    try {
      setMine(await call());
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }, []);

  const add = useCallback((shapeId: string) => run(() => boardsApi.vote(labId, boardId, shapeId)), [run, labId, boardId]);
  const remove = useCallback((shapeId: string) => run(() => boardsApi.unvote(labId, boardId, shapeId)), [run, labId, boardId]);
  const clearError = useCallback(() => setError(null), []);
  const myDots = useMemo(() => (mine && mine.open && mine.roundId === roundId ? countDots(mine.mine) : NO_DOTS), [mine, roundId]);
  const left = mine && mine.roundId === roundId ? mine.left : (round?.votesPerMember ?? 0);
  return { round, open, mine, myDots, left, error, pending, add, remove, clearError };
}
