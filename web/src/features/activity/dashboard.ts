/**
 * What the dashboard shows, from the API's Dashboard: formatted cells (a suppressed cell is never a zero), the chart's
 * series and the order of the tables.
 */
import { TIE_KINDS, type ActivityBucket, type Broker, type Dashboard, type GroupFigures, type Suppressible, type TieKind } from '@relab/shared';
import { dateFormat, numberFormat } from '../../lib/format.js';

/** What a suppressed cell shows. Its accessible name says why ("hidden: fewer than 3 people"). */
export const SUPPRESSED_MARK = '–';

export type CellFormat = 'count' | 'weight' | 'share' | 'index';

export interface CellText {
  text: string;
  suppressed: boolean;
}

/**
 * A number as the dashboard shows it: counts whole, weights with one decimal, shares as a percentage, E-I indices
 * signed with two decimals. Null means "fewer than k members" and is shown as the suppression mark, never as 0.
 */
export function formatCell(value: Suppressible | undefined, format: CellFormat, language: string): CellText {
  if (value === null || value === undefined || !Number.isFinite(value)) return { text: SUPPRESSED_MARK, suppressed: true };
  return { text: numberFormat(language, CELL_FORMATS[format]).format(value), suppressed: false };
}

const CELL_FORMATS: Record<CellFormat, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  weight: { maximumFractionDigits: 1 },
  share: { style: 'percent', maximumFractionDigits: 0 },
  index: { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' },
};

/** Chart measures: the share of the period's weight (percent) or the number of distinct ties. */
export const CHART_MEASURES = ['share', 'ties'] as const;
export type ChartMeasure = (typeof CHART_MEASURES)[number];

export interface ChartSeries {
  /** Bucket start days. */
  starts: string[];
  /** Per tie kind, one value per bucket; null where suppressed (a gap in the line, never a drop to 0). */
  values: Record<TieKind, (number | null)[]>;
}

export function chartSeries(dashboard: Pick<Dashboard, 'series'>, measure: ChartMeasure): ChartSeries {
  const buckets = [...dashboard.series].sort((a, b) => a.start.localeCompare(b.start));
  const values = Object.fromEntries(
    TIE_KINDS.map((kind) => [
      kind,
      buckets.map((b) => {
        const v = b.kinds[kind]?.[measure] ?? null;
        if (v === null) return null;
        return measure === 'share' ? Math.round(v * 1000) / 10 : v;
      }),
    ]),
  ) as Record<TieKind, (number | null)[]>;
  return { starts: buckets.map((b) => b.start), values };
}

/** A bucket's label: the week's Monday ("6 Jan 2026") or the month ("January 2026"), in UTC. */
export function bucketLabel(start: string, bucket: ActivityBucket, language: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  const options: Intl.DateTimeFormatOptions =
    bucket === 'month' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(language, options).format(date);
}

/** A day of the period ("12 March 2026"), in UTC like the API. */
export function dayLabel(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Groups with the most members first; suppressed ones (unknown size) last, then by name for a stable order. */
export function sortGroups(groups: readonly GroupFigures[]): GroupFigures[] {
  return [...groups].sort((a, b) => (b.members ?? -1) - (a.members ?? -1) || a.group.localeCompare(b.group));
}

/** Brokers by betweenness, highest first. */
export function sortBrokers(brokers: readonly Broker[]): Broker[] {
  return [...brokers].sort((a, b) => b.betweenness - a.betweenness || b.groupsBridged - a.groupsBridged || a.pseudonym.localeCompare(b.pseudonym));
}

/** True when the period holds no interaction at all (a true zero, not a suppressed count). */
export function isEmptyPeriod(dashboard: Pick<Dashboard, 'totals'>): boolean {
  return dashboard.totals.events === 0;
}
