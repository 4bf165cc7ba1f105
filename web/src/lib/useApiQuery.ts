import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (after a change elsewhere). */
  reload: () => void;
  /** Replaces the data locally, e.g. with the answer of a PATCH. */
  setData: (update: T | ((current: T | undefined) => T | undefined)) => void;
}

/**
 * Loads data with `load` when mounted and whenever `deps` change. Answers of outdated loads are ignored,
 * so a fast navigation between two labs never shows the first lab's data on the second one's page.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    loadRef.current().then(
      (result) => {
        if (!current) return;
        setData(result);
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
    };
    // `load` is read through a ref: the caller's `deps` say when to load again, not the identity of the function.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
