import { describe, expect, test } from '@jest/globals';
import {
  DEFAULT_FILTERS,
  EARLIEST_DAY,
  addDays,
  addMonths,
  filtersToParams,
  isDay,
  parseFilters,
  queryString,
  resolveRange,
  toQuery,
  todayUtc,
  withDate,
  withPeriod,
  type ActivityFilters,
} from './filters.js';

const TODAY = '2026-03-12';
const SESSION = '0b6f3c1e-8d2a-4c55-9a7e-2f1d3b4c5a6e';
const parse = (search: string) => parseFilters(new URLSearchParams(search));

describe('days', () => {
  test('a real calendar day is a day; anything else is not', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
  test('adding days crosses months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays(TODAY, -27)).toBe('2026-02-13');
  });
  test('adding months clamps to the end of a shorter month', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-03-12', -12)).toBe('2025-03-12');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
  test('today is the UTC day', () => {
    expect(todayUtc(new Date('2026-03-12T23:30:00-02:00'))).toBe('2026-03-13');
  });
});

describe('filters in the URL', () => {
  test('an empty URL is the default view: last 3 months by week', () => {
    expect(parse('')).toEqual({ period: '3m', bucket: 'week' });
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  test('a preset, a bucket, a session and a life domain survive the round trip', () => {
    const filters: ActivityFilters = { period: '12m', bucket: 'month', sessionId: SESSION, lifeDomain: 'housing' };
    const search = filtersToParams(filters).toString();
    expect(search).toBe(`period=12m&bucket=month&sessionId=${SESSION}&lifeDomain=housing`);
    expect(parse(search)).toEqual(filters);
  });

  test('dates make the period custom, whatever the preset says', () => {
    expect(parse('period=4w&from=2026-01-01&to=2026-02-01')).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-02-01', bucket: 'week' });
    expect(filtersToParams({ period: 'custom', from: '2026-01-01', to: '2026-02-01', bucket: 'week' }).toString()).toBe('from=2026-01-01&to=2026-02-01');
  });

  test('reversed dates are swapped', () => {
    expect(parse('from=2026-02-01&to=2026-01-01')).toMatchObject({ from: '2026-01-01', to: '2026-02-01' });
  });

  test('invalid values are dropped, not passed to the server', () => {
    expect(parse('period=forever&bucket=day&from=2026-02-30&sessionId=abc&lifeDomain=weather')).toEqual({ period: '3m', bucket: 'week' });
  });
});

describe('the period as days', () => {
  test('last 4 weeks: 28 days up to today', () => {
    expect(resolveRange({ period: '4w', bucket: 'week' }, TODAY)).toEqual({ from: '2026-02-13', to: TODAY });
  });
  test('last 3 and 12 months, both ends included', () => {
    expect(resolveRange({ period: '3m', bucket: 'week' }, TODAY)).toEqual({ from: '2025-12-13', to: TODAY });
    expect(resolveRange({ period: '12m', bucket: 'month' }, TODAY)).toEqual({ from: '2025-03-13', to: TODAY });
  });
  test('all: from the day the lab was created, or the earliest day without it', () => {
    expect(resolveRange({ period: 'all', bucket: 'month' }, TODAY, '2025-06-01')).toEqual({ from: '2025-06-01', to: TODAY });
    expect(resolveRange({ period: 'all', bucket: 'month' }, TODAY)).toEqual({ from: EARLIEST_DAY, to: TODAY });
  });
  test('a custom period without a start begins 90 days before its end, like the server', () => {
    expect(resolveRange({ period: 'custom', to: '2026-03-31', bucket: 'week' }, TODAY)).toEqual({ from: '2025-12-31', to: '2026-03-31' });
    expect(resolveRange({ period: 'custom', from: '2026-03-01', bucket: 'week' }, TODAY)).toEqual({ from: '2026-03-01', to: TODAY });
  });
});

describe('changing the filters', () => {
  const range = { from: '2026-02-13', to: TODAY };
  test('typing a date turns a preset into a custom period from the range shown', () => {
    expect(withDate({ period: '4w', bucket: 'week' }, 'from', '2026-01-01', range)).toEqual({ period: 'custom', from: '2026-01-01', to: TODAY, bucket: 'week' });
  });
  test('a start after the end drags the end along', () => {
    expect(withDate({ period: '4w', bucket: 'week' }, 'from', '2026-04-01', range)).toMatchObject({ from: '2026-04-01', to: '2026-04-01' });
    expect(withDate({ period: '4w', bucket: 'week' }, 'to', '2026-01-01', range)).toMatchObject({ from: '2026-01-01', to: '2026-01-01' });
  });
  test('an empty or invalid date changes nothing', () => {
    const filters: ActivityFilters = { period: '4w', bucket: 'week' };
    expect(withDate(filters, 'to', '', range)).toBe(filters);
  });
  test('picking a preset forgets custom dates', () => {
    expect(withPeriod({ period: 'custom', from: '2026-01-01', to: '2026-01-31', bucket: 'month' }, 'all', range)).toEqual({ period: 'all', bucket: 'month' });
  });
});

describe('the API query', () => {
  test('carries the days, the bucket and only the filters that are set, in a fixed order', () => {
    const query = toQuery({ period: '4w', bucket: 'month', lifeDomain: 'family' }, { from: '2026-02-13', to: TODAY });
    expect(query).toEqual({ from: '2026-02-13', to: TODAY, bucket: 'month', lifeDomain: 'family' });
    expect(queryString(query)).toBe('from=2026-02-13&to=2026-03-12&bucket=month&lifeDomain=family');
    expect(queryString(query, ['from', 'to'])).toBe('from=2026-02-13&to=2026-03-12');
  });
});
