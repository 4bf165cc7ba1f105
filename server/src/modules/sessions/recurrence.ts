import { DateTime } from 'luxon';
import type { Recurrence } from '@relab/shared';

const STEP: Record<Exclude<Recurrence, 'none'>, { weeks: number } | { months: number }> = {
  weekly: { weeks: 1 },
  biweekly: { weeks: 2 },
  monthly: { months: 1 },
};

/**
 * The start of every session of a series, computed in the series' time zone so that a weekly 19:00 stays 19:00
 * across daylight saving. Each occurrence is counted from the first (a monthly series from the 31st gives the last
 * day of shorter months, then the 31st again). Null when the time zone is unknown to luxon.
 */
export function occurrenceStarts(startsAt: string, timeZone: string, recurrence: Recurrence, occurrences: number): Date[] | null {
  const first = DateTime.fromISO(startsAt, { setZone: true }).setZone(timeZone);
  if (!first.isValid) return null;
  if (recurrence === 'none') return [first.toJSDate()];
  const step = STEP[recurrence];
  const starts: Date[] = [];
  for (let i = 0; i < occurrences; i++) {
    const at = 'weeks' in step ? first.plus({ weeks: step.weeks * i }) : first.plus({ months: step.months * i });
    starts.push(at.toJSDate());
  }
  return starts;
}

/** Whether luxon (and so the recurrence) knows this IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}
