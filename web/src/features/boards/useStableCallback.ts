import { useCallback, useLayoutEffect, useRef } from 'react';

/** A function whose identity never changes but which always runs the latest `fn` (keeps memoised children still). */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
