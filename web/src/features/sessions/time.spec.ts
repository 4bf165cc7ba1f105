import { describe, expect, test } from '@jest/globals';
import { formatSessionWhen, isTimeZone, isoToZoned, timeZoneOffsetMinutes, zoneLabel, zonedToIso } from './time.js';

describe('time zones', () => {
  test('known IANA zones are accepted, anything else refused', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(null)).toBe(false);
  });

  test('Brussels is one hour ahead of UTC in winter and two in summer', () => {
    expect(timeZoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Brussels')).toBe(60);
    expect(timeZoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Brussels')).toBe(120);
    expect(timeZoneOffsetMinutes(Date.parse('2026-07-15T12:00:00.456Z'), 'America/New_York')).toBe(-240);
  });
});

describe('a date and time typed in a zone', () => {
  test('19:00 in Brussels is 18:00 UTC in winter and 17:00 UTC in summer', () => {
    expect(zonedToIso('2026-03-12', '19:00', 'Europe/Brussels')).toBe('2026-03-12T18:00:00.000Z');
    expect(zonedToIso('2026-06-12', '19:00', 'Europe/Brussels')).toBe('2026-06-12T17:00:00.000Z');
    expect(zonedToIso('2026-06-12', '19:00', 'UTC')).toBe('2026-06-12T19:00:00.000Z');
  });

  test('the day daylight saving starts and ends keeps the wall-clock time', () => {
    // 29 March 2026 Brussels moves from +1 to +2 at 02:00; 25 October back at 03:00.
    expect(zonedToIso('2026-03-29', '10:00', 'Europe/Brussels')).toBe('2026-03-29T08:00:00.000Z');
    expect(zonedToIso('2026-10-25', '10:00', 'Europe/Brussels')).toBe('2026-10-25T09:00:00.000Z');
  });

  test('a time skipped by the clock change moves forward, a time that happens twice is the first one', () => {
    expect(zonedToIso('2026-03-29', '02:30', 'Europe/Brussels')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToIso('2026-10-25', '02:30', 'Europe/Brussels')).toBe('2026-10-25T00:30:00.000Z');
  });

  test('an impossible or empty date or time gives null', () => {
    expect(zonedToIso('', '19:00', 'Europe/Brussels')).toBeNull();
    expect(zonedToIso('2026-02-30', '19:00', 'Europe/Brussels')).toBeNull();
    expect(zonedToIso('2026-03-12', '25:00', 'Europe/Brussels')).toBeNull();
    expect(zonedToIso('2026-03-12', '19:00', 'Nowhere/Else')).toBeNull();
  });

  test('an instant shows as the date and time of the zone, and back', () => {
    expect(isoToZoned('2026-03-12T18:00:00Z', 'Europe/Brussels')).toEqual({ date: '2026-03-12', time: '19:00' });
    expect(isoToZoned('2026-03-12T23:30:00Z', 'Europe/Brussels')).toEqual({ date: '2026-03-13', time: '00:30' });
    const { date, time } = isoToZoned('2026-08-01T07:05:00Z', 'America/New_York');
    expect(zonedToIso(date, time, 'America/New_York')).toBe('2026-08-01T07:05:00.000Z');
    expect(isoToZoned('not a date', 'UTC')).toEqual({ date: '', time: '' });
  });
});

describe('showing when a session takes place', () => {
  test('in the member’s language and time zone', () => {
    const nl = formatSessionWhen('2026-03-12T18:00:00Z', '2026-03-12T20:00:00Z', 'nl', 'Europe/Brussels');
    expect(nl.date).toBe('donderdag 12 maart 2026');
    expect(nl.time).toBe('19:00–21:00');
    expect(nl.zone).toBe('Europe/Brussels (GMT+1)');
    const fr = formatSessionWhen('2026-03-12T18:00:00Z', '2026-03-12T20:00:00Z', 'fr', 'Europe/Brussels');
    expect(fr.date).toBe('jeudi 12 mars 2026');
    const en = formatSessionWhen('2026-03-12T18:00:00Z', '2026-03-12T20:00:00Z', 'en', 'Europe/London');
    expect(en.date).toMatch(/^Thursday,? 12 March 2026$/);
    expect(en.time).toBe('18:00–20:00');
  });

  test('a session seen from another zone shows that zone’s clock and date', () => {
    const when = formatSessionWhen('2026-03-12T18:00:00Z', '2026-03-12T20:00:00Z', 'en', 'Asia/Baghdad');
    expect(when.time).toBe('21:00–23:00');
    const late = formatSessionWhen('2026-03-12T22:00:00Z', '2026-03-13T00:30:00Z', 'en', 'Asia/Baghdad');
    expect(late.date).toMatch(/^Friday,? 13 March 2026$/);
  });

  test('a session running past midnight shows the end’s date', () => {
    const when = formatSessionWhen('2026-03-12T21:00:00Z', '2026-03-13T00:00:00Z', 'en', 'Europe/Brussels');
    expect(when.time).toMatch(/^22:00–13 Mar.* 01:00$/);
  });

  test('the zone label names the zone and its offset at that date', () => {
    expect(zoneLabel('Europe/Brussels', Date.parse('2026-07-01T12:00:00Z'), 'en')).toBe('Europe/Brussels (GMT+2)');
    expect(zoneLabel('America/New_York', Date.parse('2026-07-01T12:00:00Z'), 'en')).toBe('America/New York (GMT-4)');
  });
});
