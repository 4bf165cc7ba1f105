import { describe, expect, it } from '@jest/globals';
import { detectBirthdates } from './dates.js';

const texts = (text: string) => detectBirthdates(text).map((d) => d.text);

describe('detectBirthdates', () => {
  it.each([
    ['geboren op 12/03/1995', '12/03/1995', '1995-03-12'],
    ['geboortedatum: 12-03-1995', '12-03-1995', '1995-03-12'],
    ['geb. 12.03.1995', '12.03.1995', '1995-03-12'],
    ['Yasmina (°12/03/1995)', '12/03/1995', '1995-03-12'],
    ['geboren te Gent op 12 maart 1995', '12 maart 1995', '1995-03-12'],
    ['née le 3 mars 1995', '3 mars 1995', '1995-03-03'],
    ['né le 1er mars 1995', '1er mars 1995', '1995-03-01'],
    ['date de naissance : 14 février 2001', '14 février 2001', '2001-02-14'],
    ['born on March 3, 1995', 'March 3, 1995', '1995-03-03'],
    ['date of birth 3 March 1995', '3 March 1995', '1995-03-03'],
    ['DOB: 03/03/1995', '03/03/1995', '1995-03-03'],
    ['geboren op 12/03/95', '12/03/95', '1995-03-12'],
  ])('finds the date in "%s"', (text, date, iso) => {
    const found = detectBirthdates(text);
    expect(found.map((d) => d.text)).toEqual([date]);
    expect(found[0]).toMatchObject({ kind: 'birthdate', confidence: 'certain', key: `birthdate:${iso}` });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(date);
  });
  it('gives the same key to the same date in different notations', () => {
    const keys = detectBirthdates('geboren 12/03/1995, ook geboren 12 maart 1995').map((d) => d.key);
    expect(keys).toEqual(['birthdate:1995-03-12', 'birthdate:1995-03-12']);
  });
  it('ignores full dates without a birth cue', () => {
    expect(texts('de zitting van 12 maart 2024 werd uitgesteld tot 12/04/2024')).toEqual([]);
    expect(texts("l'audience du 3 mars 2024")).toEqual([]);
  });
  it('ignores a year alone and a month with a year', () => {
    expect(texts('geboren in 1995')).toEqual([]);
    expect(texts('geboren in maart 1995')).toEqual([]);
    expect(texts('née en mars 1995')).toEqual([]);
  });
  it('does not take the French negation "ne" for "né"', () => {
    expect(texts('il ne travaille plus depuis le 3 mars 2024')).toEqual([]);
  });
  it('ignores a cue that is too far away or in an earlier sentence', () => {
    expect(texts('Ze is geboren in Gent, een stad waar ze nooit meer naartoe wil gaan, en op 12 maart 2024 was de zitting.')).toEqual([]);
    expect(texts('Ze is geboren in Gent. Vandaag 12 maart 2024 was de zitting.')).toEqual([]);
  });
  it('ignores impossible dates', () => {
    expect(texts('geboren op 31/02/1995, geboren op 12/13/1995, geboren op 00/01/1995')).toEqual([]);
  });
});
