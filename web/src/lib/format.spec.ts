import { describe, expect, test } from '@jest/globals';
import { absoluteLink, dateFormat, formatDate, formatDateTime, localeOf, normalizeJoinCode, normalizeRecoveryCode, numberFormat, safeNextPath } from './format.js';

describe('codes', () => {
  test('a join code is upper-cased and loses its spaces', () => {
    expect(normalizeJoinCode(' k7qm-4txz ')).toBe('K7QM-4TXZ');
    expect(normalizeJoinCode('k7qm 4txz')).toBe('K7QM4TXZ');
  });
  test('a recovery code is only trimmed', () => {
    expect(normalizeRecoveryCode('  abCD-12ef \n')).toBe('abCD-12ef');
  });
});

describe('links', () => {
  test('an invitation path becomes an absolute link on this origin', () => {
    expect(absoluteLink('https://relab.example', '/join/K7QM-4TXZ')).toBe('https://relab.example/join/K7QM-4TXZ');
    expect(absoluteLink('http://localhost:5173/', 'invite/abc')).toBe('http://localhost:5173/invite/abc');
    expect(absoluteLink('https://relab.example', 'https://other.example/x')).toBe('https://other.example/x');
  });
  test('only local paths are followed after logging in', () => {
    expect(safeNextPath('/labs/1?tab=members')).toBe('/labs/1?tab=members');
    expect(safeNextPath('/invite/abc')).toBe('/invite/abc');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/x\u0000y')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('', '/settings')).toBe('/settings');
  });
});

describe('dates', () => {
  test('Belgian locales for Dutch and French', () => {
    expect(localeOf('nl')).toBe('nl-BE');
    expect(localeOf('fr')).toBe('fr-BE');
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('xx')).toBe('nl-BE');
  });
  test('a date is written out in the language', () => {
    const iso = '2026-03-12T10:00:00.000Z';
    expect(formatDate(iso, 'en')).toMatch(/12 March 2026/);
    expect(formatDate(iso, 'fr')).toMatch(/12 mars 2026/);
    expect(formatDate(iso, 'nl')).toMatch(/12 maart 2026/);
    expect(formatDate('not a date', 'en')).toBe('');
  });
  test('a moment has the date and the time of day', () => {
    const iso = '2026-03-12T10:07:00.000Z';
    const local = new Date(iso);
    const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(formatDateTime(iso, 'nl')).toContain('12 maart 2026');
    expect(formatDateTime(iso, 'nl').replace('.', ':')).toContain(hhmm);
    expect(formatDateTime('nope', 'fr')).toBe('');
  });
});

describe('formatters', () => {
  test('one per language and options, built once and reused', () => {
    const a = numberFormat('nl', { maximumFractionDigits: 1 });
    expect(numberFormat('nl', { maximumFractionDigits: 1 })).toBe(a);
    expect(numberFormat('fr', { maximumFractionDigits: 1 })).not.toBe(a);
    expect(numberFormat('nl', { maximumFractionDigits: 2 })).not.toBe(a);
    expect(a.format(1234.56)).toBe(new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 }).format(1234.56));
    const d = dateFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(dateFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).toBe(d);
    expect(d.format(new Date('2026-03-12T00:00:00Z'))).toBe('12 March 2026');
  });
});
