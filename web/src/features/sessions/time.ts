/**
 * Dates of sessions in a time zone (pure, Intl only): shown in the member's language and time zone, and typed by
 * a facilitator as a date and a time in the session's time zone.
 */
import { localeOf } from '../../lib/format.js';

/** True for an IANA time zone this browser knows ("Europe/Brussels"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** How far the zone's clock is ahead of UTC at that instant, in minutes (Brussels: 60 in winter, 120 in summer). */
export function timeZoneOffsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant (ISO, UTC) of a date ("2026-03-12") and time ("19:00") on the clocks of `timeZone`; null when either
 * is not valid. A time skipped by daylight saving (02:30 on the last Sunday of March) moves forward by the gap;
 * a time that happens twice (autumn) is the first one.
 */
export function zonedToIso(date: string, time: string, timeZone: string): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // Two candidates: with the offset before and after a possible change; the earliest that shows this wall time wins.
  const offsets = [timeZoneOffsetMinutes(wall - 24 * 3600_000, timeZone), timeZoneOffsetMinutes(wall + 24 * 3600_000, timeZone)];
  const candidates = [...new Set(offsets)].map((o) => wall - o * 60000).sort((a, b) => a - b);
  for (const instant of candidates) {
    if (timeZoneOffsetMinutes(instant, timeZone) * 60000 === wall - instant) return new Date(instant).toISOString();
  }
  // In a gap: the wall time does not exist; take the offset from before the change (it lands after the gap).
  return new Date(wall - offsets[0]! * 60000).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the date and time inputs of a form show it in `timeZone` ("2026-03-12", "19:00"). */
export function isoToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return { date: '', time: '' };
  const w = wallClock(instant, timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** "Europe/Brussels" → "Europe/Brussels (GMT+1)" at that instant, in the member's language. */
export function zoneLabel(timeZone: string, instant: number, language: string): string {
  const name = timeZone.replace(/_/g, ' ');
  try {
    const part = new Intl.DateTimeFormat(localeOf(language), { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName');
    return part ? `${name} (${part.value})` : name;
  } catch {
    return name;
  }
}

export interface SessionWhen {
  /** "Thursday 12 March 2026" */
  date: string;
  /** "19:00–21:00", with the end's date when it ends on another day. */
  time: string;
  /** "Europe/Brussels (GMT+1)" */
  zone: string;
}

/** When a session takes place, in the member's language and time zone. */
export function formatSessionWhen(startsAt: string, endsAt: string, language: string, timeZone: string): SessionWhen {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (Number.isNaN(start)) return { date: '', time: '', zone: '' };
  const locale = localeOf(language);
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  let time = clock.format(start);
  if (!Number.isNaN(end) && end > start) {
    const sameDay = isoToZoned(startsAt, timeZone).date === isoToZoned(endsAt, timeZone).date;
    const short = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    time = `${time}–${sameDay ? clock.format(end) : short.format(end)}`;
  }
  return { date: date.format(start), time, zone: zoneLabel(timeZone, start, language) };
}

/** A moment as "19:04" (same day) in the member's language and zone, for times inside a session. */
export function formatClockTime(iso: string, language: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Intl.DateTimeFormat(localeOf(language), { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
}
