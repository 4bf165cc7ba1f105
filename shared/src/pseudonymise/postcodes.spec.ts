import { describe, expect, it } from '@jest/globals';
import { detectPostcodes } from './postcodes.js';

const texts = (text: string) => detectPostcodes(text).map((d) => d.text);

describe('detectPostcodes', () => {
  it.each([
    ['2000 Antwerpen', '2000'],
    ['1080 Molenbeek-Saint-Jean', '1080'],
    ['1080 Sint-Jans-Molenbeek', '1080'],
    ['B-9000 Gent', 'B-9000'],
    ['6700 Arlon', '6700'],
    ['8957 Mesen', '8957'],
    ['8660 De Panne', '8660'],
    ['3740 Bilzen', '3740'],
    ['9840 De Pinte', '9840'],
  ])('finds the postcode in %s', (text, postcode) => {
    const found = detectPostcodes(`Adres: Kerkstraat 1, ${text}.`);
    expect(found.map((d) => d.text)).toEqual([postcode]);
    expect(found[0]).toMatchObject({ kind: 'postcode', confidence: 'certain', key: `postcode:${postcode.replace('B-', '')}` });
  });
  it('finds a postcode after "postcode" or "code postal"', () => {
    expect(texts('postcode 3000, code postal: 1348, Postcode 9000')).toEqual(['3000', '1348', '9000']);
  });
  it('finds a year-like postcode only before a known place', () => {
    expect(texts('Kerkstraat 1, 2018 Antwerpen')).toEqual(['2018']);
    expect(texts('In 2019 Karim gezien, in 2020 Antwerpen verlaten')).toEqual([]);
  });
  it('ignores years, amounts and other numbers', () => {
    expect(
      texts('in 2019 verhuisde hij, 1200 euro, 1200 Euro, artikel 1382 Burgerlijk Wetboek, 12/03/1995 Gent, 1.500 Brussel, 0900 Gent'),
    ).toEqual([]);
  });
  it('needs an address-like position before an unknown capitalised word', () => {
    expect(texts('We bevroegen 1500 Marokkanen.')).toEqual([]);
    expect(texts('Hij woont te 3590 Diepenbeek, zij in 1745 Opwijk, hij op Dorp 1, 3900 Overpelt.')).toEqual(['3590', '1745', '3900']);
  });
  it('ignores numbers outside 1000–9999', () => {
    expect(texts('999 Gent, 10000 Gent')).toEqual([]);
  });
});
