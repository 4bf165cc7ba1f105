import { describe, expect, test } from '@jest/globals';
import { COMMON_TIME_ZONES, TIME_ZONE_STORAGE_KEY, readTimeZone, storeTimeZone, timeZoneChoices } from './timeZones.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('the member’s time zone', () => {
  test('is Europe/Brussels until one is chosen', () => {
    expect(readTimeZone(memoryStorage())).toBe('Europe/Brussels');
    expect(readTimeZone(null)).toBe('Europe/Brussels');
  });

  test('a chosen zone is remembered on this device', () => {
    const storage = memoryStorage();
    expect(storeTimeZone('Europe/London', storage)).toBe(true);
    expect(storage.data.get(TIME_ZONE_STORAGE_KEY)).toBe('Europe/London');
    expect(readTimeZone(storage)).toBe('Europe/London');
  });

  test('an unknown zone is neither stored nor read back', () => {
    const storage = memoryStorage({ [TIME_ZONE_STORAGE_KEY]: 'Atlantis/Capital' });
    expect(readTimeZone(storage)).toBe('Europe/Brussels');
    expect(storeTimeZone('Nowhere', storage)).toBe(false);
  });

  test('storage that throws (private mode, policies) does not break anything', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readTimeZone(broken)).toBe('Europe/Brussels');
    expect(storeTimeZone('Europe/Paris', broken)).toBe(false);
  });

  test('the choices are the common zones plus the browser’s own and the current one, each once', () => {
    expect(timeZoneChoices(null)).toEqual([...COMMON_TIME_ZONES]);
    expect(timeZoneChoices('Europe/Brussels')).toEqual([...COMMON_TIME_ZONES]);
    const choices = timeZoneChoices('America/Montreal', 'Asia/Tokyo');
    expect(choices.slice(-2)).toEqual(['America/Montreal', 'Asia/Tokyo']);
    expect(timeZoneChoices('Not/AZone')).toEqual([...COMMON_TIME_ZONES]);
  });
});
