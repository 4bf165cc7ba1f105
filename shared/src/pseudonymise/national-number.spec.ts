import { describe, expect, it } from '@jest/globals';
import { detectNationalNumbers, isValidNationalNumber } from './national-number.js';

/** CC for a 9-digit base, computed independently for the test data. */
function checkDigits(base9: string, bornFrom2000: boolean): string {
  const n = BigInt(base9) + (bornFrom2000 ? 2_000_000_000n : 0n);
  return String(97n - (n % 97n)).padStart(2, '0');
}

describe('isValidNationalNumber', () => {
  it('accepts 85.07.30-033.28 (97 − 850730033 mod 97 = 97 − 69 = 28)', () => {
    expect(850730033 % 97).toBe(69);
    expect(checkDigits('850730033', false)).toBe('28');
    expect(isValidNationalNumber('85.07.30-033.28')).toBe(true);
    expect(isValidNationalNumber('85073003328')).toBe(true);
    expect(isValidNationalNumber('85 07 30 033 28')).toBe(true);
    expect(isValidNationalNumber('850730 033 28')).toBe(true);
  });
  it('accepts a valid number of someone born from 2000 (2 prefixed before mod 97)', () => {
    expect(checkDigits('050312123', true)).toBe('60');
    expect(isValidNationalNumber('05.03.12-123.60')).toBe(true);
    // the pre-2000 check digits for the same base are different and invalid
    expect(checkDigits('050312123', false)).not.toBe('60');
  });
  it('accepts BIS numbers (month + 20 and month + 40)', () => {
    expect(checkDigits('852730045', false)).toBe('59');
    expect(isValidNationalNumber('85.27.30-045.59')).toBe(true);
    expect(checkDigits('854730045', false)).toBe('05');
    expect(isValidNationalNumber('85.47.30-045.05')).toBe(true);
    expect(isValidNationalNumber(`052315001${checkDigits('052315001', true)}`)).toBe(true);
  });
  it('accepts unknown birth month and day (00)', () => {
    expect(isValidNationalNumber(`850000001${checkDigits('850000001', false)}`)).toBe(true);
    expect(isValidNationalNumber(`852000001${checkDigits('852000001', false)}`)).toBe(true);
  });
  it('rejects a wrong checksum', () => {
    expect(isValidNationalNumber('85.07.30-033.29')).toBe(false);
    expect(isValidNationalNumber('85.07.30-033.27')).toBe(false);
    expect(isValidNationalNumber('05.03.12-123.61')).toBe(false);
  });
  it('rejects an impossible month or day even with a correct checksum', () => {
    expect(isValidNationalNumber(`851330033${checkDigits('851330033', false)}`)).toBe(false); // month 13
    expect(isValidNationalNumber(`853330033${checkDigits('853330033', false)}`)).toBe(false); // BIS month 33
    expect(isValidNationalNumber(`855330033${checkDigits('855330033', false)}`)).toBe(false); // month 53
    expect(isValidNationalNumber(`850732033${checkDigits('850732033', false)}`)).toBe(false); // day 32
  });
  it('rejects wrong lengths and non-digits', () => {
    expect(isValidNationalNumber('8507300332')).toBe(false);
    expect(isValidNationalNumber('850730033288')).toBe(false);
    expect(isValidNationalNumber('85.07.30-O33.28')).toBe(false);
    expect(isValidNationalNumber('')).toBe(false);
  });
});

describe('detectNationalNumbers', () => {
  it('finds formatted and plain numbers with their offsets and a digits-only key', () => {
    const text = 'RRN 85.07.30-033.28, ook als 85073003328 of 05 03 12 123 60.';
    const found = detectNationalNumbers(text);
    expect(found.map((d) => d.text)).toEqual(['85.07.30-033.28', '85073003328', '05 03 12 123 60']);
    expect(found.every((d) => d.kind === 'national_number' && d.confidence === 'certain')).toBe(true);
    expect(found[0]!.key).toBe('national_number:85073003328');
    expect(found[1]!.key).toBe(found[0]!.key);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
  it('finds BIS numbers', () => {
    expect(detectNationalNumbers('BIS: 85.27.30-045.59').map((d) => d.text)).toEqual(['85.27.30-045.59']);
  });
  it('ignores invalid checksums, invalid months and longer digit strings', () => {
    expect(detectNationalNumbers('85.07.30-033.29')).toEqual([]);
    expect(detectNationalNumbers(`nummer 851330033${checkDigits('851330033', false)}`)).toEqual([]);
    expect(detectNationalNumbers('1850730033289')).toEqual([]);
    expect(detectNationalNumbers('bestelling 12345678901')).toEqual([]);
  });
});
