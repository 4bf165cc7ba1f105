import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { filtersToParams, parseFilters, resolveRange, todayUtc, type ActivityFilters, type DayRange } from './filters.js';

/** A change of the filters, computed from the latest filters and the days they cover. */
export type FiltersUpdate = (filters: ActivityFilters, range: DayRange) => ActivityFilters;

export interface ActivityFilterState {
  filters: ActivityFilters;
  /** The days the filters cover (presets roll with today). */
  range: DayRange;
  today: string;
  update: (change: FiltersUpdate) => void;
}

/** The dashboard's filters live in the URL's search params, so a view can be shared and reloaded. */
export function useActivityFilters(labStart: string | undefined): ActivityFilterState {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const today = todayUtc();
  const range = useMemo(() => resolveRange(filters, today, labStart), [filters, today, labStart]);
  // The URL changes a moment after setParams; two quick changes must build on each other, not on the old URL.
  const latest = useRef({ search, filters });
  if (latest.current.search !== search) latest.current = { search, filters };
  const update = useCallback(
    (change: FiltersUpdate) => {
      const current = latest.current.filters;
      const next = change(current, resolveRange(current, todayUtc(), labStart));
      const nextParams = filtersToParams(next);
      latest.current = { search: nextParams.toString(), filters: next };
      setParams(nextParams, { replace: true });
    },
    [setParams, labStart],
  );
  return { filters, range, today, update };
}
