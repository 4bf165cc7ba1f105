import { describe, expect, it } from '@jest/globals';
import { detectIbans, isValidIban } from './iban.js';

describe('isValidIban', () => {
  it('accepts valid IBANs of several countries, with or without spaces', () => {
    expect(isValidIban('BE68 5390 0754 7034')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban('be68 5390 0754 7034')).toBe(true);
    expect(isValidIban('BE71 0961 2345 6769')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('GB29 NWBK 6016 1331 9268 19')).toBe(true);
  });
  it('rejects a wrong mod-97 check', () => {
    expect(isValidIban('BE68 5390 0754 7035')).toBe(false);
    expect(isValidIban('NL92 ABNA 0417 1643 00')).toBe(false);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 607')).toBe(false);
  });
  it('rejects a Belgian IBAN that passes mod 97 but fails the national check', () => {
    // BE41 5390 0754 7035: ISO check OK (computed), but 5390075470 mod 97 = 34, not 35
    expect(5390075470 % 97).toBe(34);
    expect(isValidIban('BE41 5390 0754 7035')).toBe(false);
  });
  it('accepts a Belgian account whose national remainder is 0 (written as 97)', () => {
    // 0000000097: 97 mod 97 = 0 → check digits 97
    expect(isValidIban('BE54 0000 0000 9797')).toBe(true);
  });
  it('rejects wrong lengths and formats', () => {
    expect(isValidIban('BE68 5390 0754 703')).toBe(false);
    expect(isValidIban('NL91 ABNA 0417 1643 0')).toBe(false);
    expect(isValidIban('1234 5678 9012 3456')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
});

describe('detectIbans', () => {
  it('finds IBANs in text, spaced and compact, and keys them without spaces', () => {
    const text =
      'Stort op BE68 5390 0754 7034 of BE68539007547034; in Nederland NL91 ABNA 0417 1643 00, in Frankrijk FR14 2004 1010 0505 0001 3M02 606.';
    const found = detectIbans(text);
    expect(found.map((d) => d.text)).toEqual([
      'BE68 5390 0754 7034',
      'BE68539007547034',
      'NL91 ABNA 0417 1643 00',
      'FR14 2004 1010 0505 0001 3M02 606',
    ]);
    expect(found[0]!.key).toBe('iban:be68539007547034');
    expect(found[1]!.key).toBe(found[0]!.key);
    expect(found.every((d) => d.kind === 'iban' && d.confidence === 'certain')).toBe(true);
  });
  it('stops at the end of the IBAN when numbers follow', () => {
    const found = detectIbans('BE68 5390 0754 7034 2000 Antwerpen');
    expect(found.map((d) => d.text)).toEqual(['BE68 5390 0754 7034']);
  });
  it('finds two IBANs written next to each other', () => {
    const found = detectIbans('BE68 5390 0754 7034 NL91 ABNA 0417 1643 00');
    expect(found.map((d) => d.text)).toEqual(['BE68 5390 0754 7034', 'NL91 ABNA 0417 1643 00']);
  });
  it('ignores invalid IBANs', () => {
    expect(detectIbans('BE68 5390 0754 7035 en BE41 5390 0754 7035 en AB12 3456 7890 1234')).toEqual([]);
  });
});
