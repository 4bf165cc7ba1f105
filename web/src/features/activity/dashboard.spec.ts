import { describe, expect, test } from '@jest/globals';
import type { DashboardBucket, GroupFigures, TieKindFigures } from '@relab/shared';
import { SUPPRESSED_MARK, bucketLabel, chartSeries, dayLabel, formatCell, isEmptyPeriod, sortBrokers, sortGroups } from './dashboard.js';

const figures = (ties: number | null, weight: number | null, share: number | null): TieKindFigures => ({ ties, weight, share });
const bucket = (start: string, bonding: TieKindFigures, bridging: TieKindFigures, linking: TieKindFigures): DashboardBucket => ({
  start,
  kinds: { bonding, bridging, linking },
});

describe('cells', () => {
  test('a suppressed value is the mark, never a zero', () => {
    expect(formatCell(null, 'count', 'en')).toEqual({ text: SUPPRESSED_MARK, suppressed: true });
    expect(formatCell(null, 'share', 'nl')).toEqual({ text: SUPPRESSED_MARK, suppressed: true });
  });
  test('a true zero is shown as zero', () => {
    expect(formatCell(0, 'count', 'en')).toEqual({ text: '0', suppressed: false });
    expect(formatCell(0, 'index', 'en').text).toBe('0.00');
  });
  test('counts are whole, weights keep one decimal', () => {
    expect(formatCell(1234, 'count', 'en').text).toBe('1,234');
    expect(formatCell(12.5, 'weight', 'en').text).toBe('12.5');
    expect(formatCell(12.5, 'weight', 'nl').text).toBe('12,5');
  });
  test('shares are percentages', () => {
    expect(formatCell(0.426, 'share', 'en').text).toBe('43%');
    expect(formatCell(0.426, 'share', 'fr').text.replace(/\s/g, ' ')).toBe('43 %');
  });
  test('E-I indices are signed with two decimals', () => {
    expect(formatCell(0.5, 'index', 'en').text).toBe('+0.50');
    expect(formatCell(-1, 'index', 'en').text).toBe('-1.00');
    expect(formatCell(-0.25, 'index', 'nl').text).toBe('-0,25');
  });
});

describe('chart series', () => {
  const series = [
    bucket('2026-03-09', figures(4, 8, 0.5), figures(2, 4, 0.25), figures(2, 4, 0.25)),
    bucket('2026-03-02', figures(1, 3, 0.333), figures(null, null, null), figures(3, 6, 0.667)),
  ];
  test('buckets in time order, shares in percent', () => {
    const s = chartSeries({ series }, 'share');
    expect(s.starts).toEqual(['2026-03-02', '2026-03-09']);
    expect(s.values.bonding).toEqual([33.3, 50]);
    expect(s.values.linking).toEqual([66.7, 25]);
  });
  test('a suppressed bucket is a gap (null), not 0', () => {
    expect(chartSeries({ series }, 'share').values.bridging).toEqual([null, 25]);
    expect(chartSeries({ series }, 'ties').values.bridging).toEqual([null, 2]);
  });
  test('tie counts as they are', () => {
    expect(chartSeries({ series }, 'ties').values.bonding).toEqual([1, 4]);
  });
});

describe('labels', () => {
  test('a week by its Monday, a month by its name, in UTC', () => {
    expect(bucketLabel('2026-01-05', 'week', 'en')).toBe('5 Jan 2026');
    expect(bucketLabel('2026-01-01', 'month', 'en')).toBe('January 2026');
    expect(bucketLabel('2026-01-01', 'month', 'nl')).toBe('januari 2026');
    expect(dayLabel('2026-03-12', 'fr')).toBe('12 mars 2026');
  });
});

describe('tables', () => {
  const group = (g: GroupFigures['group'], members: number | null): GroupFigures => ({ group: g, members, external: null, internal: null, ei: null });
  test('groups: most members first, suppressed last', () => {
    expect(sortGroups([group('police', null), group('social', 3), group('justice', 7), group('family', null)]).map((g) => g.group)).toEqual([
      'justice',
      'social',
      'family',
      'police',
    ]);
  });
  test('brokers: highest betweenness first', () => {
    const brokers = sortBrokers([
      { pseudonym: 'B', group: 'social', betweenness: 0.1, groupsBridged: 2 },
      { pseudonym: 'A', group: 'police', betweenness: 0.4, groupsBridged: 1 },
    ]);
    expect(brokers.map((b) => b.pseudonym)).toEqual(['A', 'B']);
  });
  test('an empty period is a true zero of events, not a suppressed one', () => {
    const totals = (events: number | null) => ({ totals: { events } }) as Parameters<typeof isEmptyPeriod>[0];
    expect(isEmptyPeriod(totals(0))).toBe(true);
    expect(isEmptyPeriod(totals(null))).toBe(false);
    expect(isEmptyPeriod(totals(5))).toBe(false);
  });
});
