import { DateTime } from 'luxon';
import { isKnownTimeZone, occurrenceStarts } from './recurrence.js';

const local = (dates: Date[] | null, zone = 'Europe/Brussels') => dates!.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm'));

describe('occurrences of a series', () => {
  test('weekly keeps the local time across the spring and autumn clock changes', () => {
    expect(local(occurrenceStarts('2027-03-18T19:00:00+01:00', 'Europe/Brussels', 'weekly', 3))).toEqual(['2027-03-18 19:00', '2027-03-25 19:00', '2027-04-01 19:00']);
    expect(local(occurrenceStarts('2027-10-28T19:00:00+02:00', 'Europe/Brussels', 'weekly', 2))).toEqual(['2027-10-28 19:00', '2027-11-04 19:00']);
  });

  test('a start given in UTC recurs at its local time in the series time zone', () => {
    const starts = occurrenceStarts('2027-03-25T18:00:00Z', 'Europe/Brussels', 'biweekly', 2)!;
    expect(starts.map((d) => d.toISOString())).toEqual(['2027-03-25T18:00:00.000Z', '2027-04-08T17:00:00.000Z']);
  });

  test('monthly counts from the first date, so the 31st comes back after a short month', () => {
    expect(local(occurrenceStarts('2027-01-31T10:00:00+01:00', 'Europe/Brussels', 'monthly', 3))).toEqual(['2027-01-31 10:00', '2027-02-28 10:00', '2027-03-31 10:00']);
  });

  test('a single session is one occurrence whatever the count', () => {
    expect(occurrenceStarts('2027-01-31T10:00:00+01:00', 'Europe/Brussels', 'none', 5)).toHaveLength(1);
  });

  test('unknown time zones and dates are refused', () => {
    expect(occurrenceStarts('2027-01-31T10:00:00+01:00', 'Mars/Olympus_Mons', 'weekly', 2)).toBeNull();
    expect(occurrenceStarts('2027-02-30T10:00:00+01:00', 'Europe/Brussels', 'weekly', 2)).toBeNull();
    expect(isKnownTimeZone('Europe/Brussels')).toBe(true);
    expect(isKnownTimeZone('+01:00')).toBe(false);
  });
});
