import { useCallback, useRef, useState } from 'react';

export interface Action {
  pending: boolean;
  error: unknown;
  clearError: () => void;
  /** Runs `task` unless one is already running; resolves to its result, or undefined when it failed (see `error`). */
  run: <T>(task: () => Promise<T>) => Promise<T | undefined>;
}

/** State of a button or form that calls the API: pending while it runs, the error of the last failure. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);

  const run = useCallback(async <T,>(task: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      return await task();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { pending, error, clearError, run };
}
