/**
 * The member's time zone for showing sessions: a choice kept on this device (like the language before logging in),
 * Europe/Brussels by default. It is a display preference, not personal data.
 */
import { DEFAULT_TIME_ZONE } from '@relab/shared';
import { isTimeZone } from './time.js';

export const TIME_ZONE_STORAGE_KEY = 'relab.timeZone';

/** A short list that covers where members of Belgian labs live and travel; the browser's own zone is added to it. */
export const COMMON_TIME_ZONES = [
  'Europe/Brussels',
  'Europe/Amsterdam',
  'Europe/Paris',
  'Europe/Luxembourg',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Istanbul',
  'Africa/Casablanca',
  'Africa/Tunis',
  'Asia/Damascus',
  'Asia/Baghdad',
  'UTC',
] as const;

/** The zone the browser runs in, or null when it does not say. */
export function browserTimeZone(): string | null {
  try {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isTimeZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

/** The choices offered: the common zones, plus the browser's and the current one when they are not among them. */
export function timeZoneChoices(browser: string | null, current?: string): string[] {
  const out: string[] = [...COMMON_TIME_ZONES].filter(isTimeZone);
  for (const extra of [browser, current]) if (extra && isTimeZone(extra) && !out.includes(extra)) out.push(extra);
  return out;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The zone chosen on this device, else Europe/Brussels. A stored value the browser does not know is ignored. */
export function readTimeZone(from: StorageLike | null = storage()): string {
  try {
    const stored = from?.getItem(TIME_ZONE_STORAGE_KEY);
    return isTimeZone(stored) ? stored : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Remembers the zone on this device; false when storage is not allowed (the choice then lasts for this page). */
export function storeTimeZone(zone: string, to: StorageLike | null = storage()): boolean {
  if (!isTimeZone(zone) || !to) return false;
  try {
    to.setItem(TIME_ZONE_STORAGE_KEY, zone);
    return true;
  } catch {
    return false;
  }
}
