import { describe, expect, it } from '@jest/globals';
import { detectIdentifiers } from './detect.js';
import { detectPhones } from './phone.js';

describe('detectPhones', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032 470/12.34.56', '+32470123456'],
    ['02 123 45 67', '+3221234567'],
    ['09/123.45.67', '+3291234567'],
    ['0470123456', '+32470123456'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('finds %s', (phone, e164) => {
    const text = `Bel haar op ${phone} na 17 uur.`;
    const found = detectPhones(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'phone', text: phone, key: `phone:${e164}`, confidence: 'certain' });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(phone);
  });
  it('gives the same key to the same number written differently', () => {
    const keys = detectPhones('0470 12 34 56 of +32 470 12 34 56 of 0032 470/12.34.56').map((d) => d.key);
    expect(new Set(keys)).toEqual(new Set(['phone:+32470123456']));
  });
  it('ignores random digit strings, amounts, years and short numbers', () => {
    expect(detectPhones('dossier 123456789, bedrag 1234 5678, in 2019, 12345, rolnummer 2023/1234')).toEqual([]);
    expect(detectPhones('12/03/1995')).toEqual([]);
  });
  it('does not report an IBAN or a national number as a phone (overall detection)', () => {
    const text = 'Rekening BE68 5390 0754 7034, rijksregisternummer 85.07.30-033.28 en 85073003328.';
    const found = detectIdentifiers(text);
    expect(found.map((d) => [d.kind, d.text])).toEqual([
      ['iban', 'BE68 5390 0754 7034'],
      ['national_number', '85.07.30-033.28'],
      ['national_number', '85073003328'],
    ]);
  });
});
