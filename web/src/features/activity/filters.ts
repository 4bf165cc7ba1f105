/**
 * Filters of the activity dashboard, kept in the URL (so a view can be shared and reloaded) and turned into the
 * query of the activity API. Dates are UTC days (YYYY-MM-DD), as in the contract.
 */
import { ACTIVITY_BUCKETS, LIFE_DOMAINS, type ActivityBucket, type ActivityQuery, type LifeDomain } from '@relab/shared';

/** Periods that roll with today: a shared link to "last 4 weeks" stays the last 4 weeks. */
export const PERIOD_PRESETS = ['4w', '3m', '12m', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type Period = PeriodPreset | 'custom';
export const DEFAULT_PERIOD: PeriodPreset = '3m';
export const DEFAULT_BUCKET: ActivityBucket = 'week';

/** Without a lab start date, "all" starts here (before RELAB existed, so nothing is left out). */
export const EARLIEST_DAY = '2020-01-01';

export interface ActivityFilters {
  period: Period;
  /** Only for a custom period. */
  from?: string;
  to?: string;
  bucket: ActivityBucket;
  sessionId?: string;
  lifeDomain?: LifeDomain;
}

export const DEFAULT_FILTERS: ActivityFilters = { period: DEFAULT_PERIOD, bucket: DEFAULT_BUCKET };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day as YYYY-MM-DD ("2026-02-30" is not one). */
export function isDay(value: string | null | undefined): value is string {
  const m = value ? DAY.exec(value) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today as a UTC day. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day `months` later (or earlier), clamped to the end of a shorter month (31 May − 3 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const d = toDate(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Filters from the URL; anything invalid is dropped (a hand-edited link never breaks the page). */
export function parseFilters(params: URLSearchParams): ActivityFilters {
  const filters: ActivityFilters = {
    period: oneOf<Period>(PERIOD_PRESETS, params.get('period')) ?? DEFAULT_PERIOD,
    bucket: oneOf(ACTIVITY_BUCKETS, params.get('bucket')) ?? DEFAULT_BUCKET,
  };
  let from = isDay(params.get('from')) ? params.get('from')! : undefined;
  let to = isDay(params.get('to')) ? params.get('to')! : undefined;
  if (from && to && from > to) [from, to] = [to, from];
  if (from || to) {
    filters.period = 'custom';
    if (from) filters.from = from;
    if (to) filters.to = to;
  }
  const sessionId = params.get('sessionId');
  if (sessionId && UUID.test(sessionId)) filters.sessionId = sessionId;
  const lifeDomain = oneOf(LIFE_DOMAINS, params.get('lifeDomain'));
  if (lifeDomain) filters.lifeDomain = lifeDomain;
  return filters;
}

/** The URL's search params of a set of filters: defaults are left out, so the plain page URL is the default view. */
export function filtersToParams(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  } else if (filters.period !== DEFAULT_PERIOD) {
    params.set('period', filters.period);
  }
  if (filters.bucket !== DEFAULT_BUCKET) params.set('bucket', filters.bucket);
  if (filters.sessionId) params.set('sessionId', filters.sessionId);
  if (filters.lifeDomain) params.set('lifeDomain', filters.lifeDomain);
  return params;
}

export interface DayRange {
  from: string;
  to: string;
}

/**
 * The days a period covers, both included. `labStart` (the day the lab was created) is where "all" begins; a custom
 * period without a start begins 90 days before its end, like the server's default.
 */
export function resolveRange(filters: ActivityFilters, today: string, labStart?: string): DayRange {
  switch (filters.period) {
    case '4w':
      return { from: addDays(today, -27), to: today };
    case '3m':
      return { from: addDays(addMonths(today, -3), 1), to: today };
    case '12m':
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case 'all': {
      const start = labStart && isDay(labStart) ? labStart : EARLIEST_DAY;
      return { from: start < today ? start : today, to: today };
    }
    case 'custom': {
      const to = filters.to ?? today;
      const from = filters.from ?? addDays(to, -90);
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}

/** Filters after the user picked a preset or typed a date: a typed date turns the period into a custom one. */
export function withPeriod(filters: ActivityFilters, period: Period, current: DayRange): ActivityFilters {
  const { from: _from, to: _to, ...rest } = filters;
  if (period !== 'custom') return { ...rest, period };
  return { ...rest, period, from: current.from, to: current.to };
}

export function withDate(filters: ActivityFilters, which: 'from' | 'to', value: string, current: DayRange): ActivityFilters {
  if (!isDay(value)) return filters;
  const range = { ...current, [which]: value };
  if (range.from > range.to) {
    // Keep the range valid: moving one end past the other drags the other along.
    if (which === 'from') range.to = value;
    else range.from = value;
  }
  return { ...filters, period: 'custom', from: range.from, to: range.to };
}

/** The query of the dashboard (and, without the bucket, of the network). */
export function toQuery(filters: ActivityFilters, range: DayRange): ActivityQuery {
  const query: ActivityQuery = { from: range.from, to: range.to, bucket: filters.bucket };
  if (filters.sessionId) query.sessionId = filters.sessionId;
  if (filters.lifeDomain) query.lifeDomain = filters.lifeDomain;
  return query;
}

/** "from=…&to=…&bucket=…": the query string of an activity request, in a fixed order. */
export function queryString(query: Partial<ActivityQuery>, keys: readonly (keyof ActivityQuery)[] = ['from', 'to', 'bucket', 'sessionId', 'lifeDomain']): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
