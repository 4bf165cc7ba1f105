import { useCallback, useEffect, useRef, useState } from 'react';
import { EMPTY_REFLECTION_KEY, type ReflectionKey } from '@relab/shared';
import { reflectionsApi } from './api.js';

export interface ReflectionKeyState {
  /** null until loaded, and always for anyone but the author. */
  key: ReflectionKey | null;
  loading: boolean;
  error: unknown;
  /** Changes the key and saves it (changes run one after the other, each on the latest key). */
  update: (change: (key: ReflectionKey) => ReflectionKey) => Promise<ReflectionKey>;
}

/**
 * The author's key of a reflection: names to look for, pseudonyms with the real details, details marked "not
 * identifying". Loaded only for the author and kept in memory only (never in storage, the URL or the document).
 */
export function useReflectionKey(labId: string, reflectionId: string, isAuthor: boolean): ReflectionKeyState {
  const [key, setKey] = useState<ReflectionKey | null>(null);
  const [loading, setLoading] = useState(isAuthor);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef<ReflectionKey | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    latest.current = null;
    setKey(null);
    setError(null);
    if (!isAuthor) {
      setLoading(false);
      return undefined;
    }
    let current = true;
    setLoading(true);
    reflectionsApi.getKey(labId, reflectionId).then(
      (loaded) => {
        if (!current) return;
        latest.current = loaded;
        setKey(loaded);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      current = false;
      // Forget the key when leaving the reflection.
      latest.current = null;
    };
  }, [labId, reflectionId, isAuthor]);

  const update = useCallback(
    (change: (key: ReflectionKey) => ReflectionKey) => {
      const run = async () => {
        const next = change(latest.current ?? EMPTY_REFLECTION_KEY);
        const saved = await reflectionsApi.putKey(labId, reflectionId, next);
        const result = saved && typeof saved === 'object' ? saved : next;
        latest.current = result;
        setKey(result);
        setError(null);
        return result;
      };
      const task = queue.current.then(run, run);
      queue.current = task.catch(() => undefined);
      return task;
    },
    [labId, reflectionId],
  );

  return { key, loading, error, update };
}
