import { describe, expect, test } from '@jest/globals';
import { bucketStart, wholeBuckets } from './analytics.service.js';
import { scopeOf } from './rollups.js';

describe('buckets of a period', () => {
  test('weeks start on Monday, months on the 1st', () => {
    expect(bucketStart('2026-12-06', 'week')).toBe('2026-11-30'); // a Sunday
    expect(bucketStart('2026-11-30', 'week')).toBe('2026-11-30'); // a Monday
    expect(bucketStart('2026-12-06', 'month')).toBe('2026-12-01');
  });

  test('whole buckets inside a period, the edges left to the days', () => {
    // Wed 2026-11-04 … Sun 2026-12-06: whole weeks from Mon 11-09 to Sun 12-06
    expect(wholeBuckets({ from: '2026-11-04', to: '2026-12-06', bucket: 'week' })).toEqual(['2026-11-09', '2026-12-07']);
    // … to Wed 12-02: the last whole week ends Sun 11-29
    expect(wholeBuckets({ from: '2026-11-04', to: '2026-12-02', bucket: 'week' })).toEqual(['2026-11-09', '2026-11-30']);
    // months: 2026-01-15 … 2026-04-30 → Feb, Mar, Apr
    expect(wholeBuckets({ from: '2026-01-15', to: '2026-04-30', bucket: 'month' })).toEqual(['2026-02-01', '2026-05-01']);
    expect(wholeBuckets({ from: '2026-01-01', to: '2026-01-31', bucket: 'month' })).toEqual(['2026-01-01', '2026-02-01']);
    // across a year end
    expect(wholeBuckets({ from: '2025-12-01', to: '2026-01-31', bucket: 'month' })).toEqual(['2025-12-01', '2026-02-01']);
  });

  test('no whole bucket: both ends after the period, so every day comes from the days', () => {
    expect(wholeBuckets({ from: '2026-12-02', to: '2026-12-06', bucket: 'week' })).toEqual(['2026-12-07', '2026-12-07']);
    expect(wholeBuckets({ from: '2026-12-02', to: '2026-12-30', bucket: 'month' })).toEqual(['2026-12-31', '2026-12-31']);
  });
});

describe('scope of the pre-aggregates a dashboard reads', () => {
  test('the lab, one session, one life domain; both filters at once have none', () => {
    expect(scopeOf({})).toBe('');
    expect(scopeOf({ sessionId: '6f1c0b8e-0000-4000-8000-000000000001' })).toBe('s:6f1c0b8e-0000-4000-8000-000000000001');
    expect(scopeOf({ lifeDomain: 'housing' })).toBe('d:housing');
    expect(scopeOf({ sessionId: '6f1c0b8e-0000-4000-8000-000000000001', lifeDomain: 'housing' })).toBeNull();
  });
});
