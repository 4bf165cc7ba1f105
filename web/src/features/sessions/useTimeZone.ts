import { useCallback, useState } from 'react';
import { readTimeZone, storeTimeZone } from './timeZones.js';

/** The member's time zone for showing sessions (kept on this device), and a way to change it. */
export function useTimeZone(): [string, (zone: string) => boolean] {
  const [zone, setZone] = useState(readTimeZone);
  const change = useCallback((next: string) => {
    const stored = storeTimeZone(next);
    setZone(next);
    return stored;
  }, []);
  return [zone, change];
}
