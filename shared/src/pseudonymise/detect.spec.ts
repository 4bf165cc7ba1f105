import { describe, expect, it } from '@jest/globals';
import { detectIdentifiers, resolveOverlaps } from './detect.js';
import { applyPseudonyms, assignPseudonym, type PseudonymEntry } from './pseudonyms.js';
import type { Detection } from './types.js';

/** Fictional people; the numbers are made up but have valid checksums. */
const DUTCH = [
  'Vandaag had ik een gesprek met Yasmina El Amrani (°12/03/1995, 85.07.30-033.28). ',
  'Ze woont sinds haar vrijlating op de Kerkstraat 12, 2000 Antwerpen, en is bereikbaar op haar GSM 0470 12 34 56 ',
  'of via yasmina.elamrani@example.be. Yasmina’s broer Karim helpt haar met de administratie; volgens Karim ',
  'loopt de aanvraag bij het OCMW nog. Haar leefloon komt op BE68 5390 0754 7034. ',
  'Mevrouw Peeters van het Justitiehuis Antwerpen volgt het dossier op. Y. El Amrani wil later terug naar Heuvelland.',
].join('');

const FRENCH = [
  "Monsieur Benali habite rue de la Station 14, 6700 Arlon, depuis sa sortie de prison. ",
  'Il est né le 3 mars 1990 et roule avec une voiture immatriculée 1-ABC-123. ',
  'Son compte est le BE71 0961 2345 6769 et son numéro de téléphone est le +32 470 98 76 54. ',
  "L'assistante de justice, Madame Lambert, l'a rencontré avec Jean-Pierre Dubois du CPAS. ",
  "Il souhaite s'installer à Martelange près de sa sœur.",
].join('');

const pairs = (ds: Detection[]) => ds.map((d) => [d.kind, d.text]);

function expectConsistent(text: string, ds: Detection[]): void {
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    expect(text.slice(d.start, d.end)).toBe(d.text);
    if (i > 0) expect(d.start).toBeGreaterThanOrEqual(ds[i - 1]!.end);
  }
}

describe('detectIdentifiers on a Dutch case note', () => {
  const found = detectIdentifiers(DUTCH, { names: ['Yasmina El Amrani', 'Karim El Amrani'] });

  it('finds exactly the identifying details, in order', () => {
    expect(pairs(found)).toEqual([
      ['name', 'Yasmina El Amrani'],
      ['birthdate', '12/03/1995'],
      ['national_number', '85.07.30-033.28'],
      ['address', 'Kerkstraat 12'],
      ['postcode', '2000'],
      ['phone', '0470 12 34 56'],
      ['email', 'yasmina.elamrani@example.be'],
      ['name', 'Yasmina'],
      ['name', 'Karim'],
      ['name', 'Karim'],
      ['iban', 'BE68 5390 0754 7034'],
      ['name', 'Peeters'],
      ['name', 'Y. El Amrani'],
      ['municipality', 'Heuvelland'],
    ]);
    expectConsistent(DUTCH, found);
  });
  it('gives the names-list keys and confidences', () => {
    const names = found.filter((d) => d.kind === 'name');
    expect(names.map((d) => [d.text, d.key, d.confidence])).toEqual([
      ['Yasmina El Amrani', 'name:0', 'certain'],
      ['Yasmina', 'name:0', 'certain'],
      ['Karim', 'name:1', 'certain'],
      ['Karim', 'name:1', 'certain'],
      ['Peeters', 'name:peeters', 'likely'],
      ['Y. El Amrani', 'name:0', 'certain'],
    ]);
  });
  it('keys numbers without separators', () => {
    expect(found.find((d) => d.kind === 'national_number')!.key).toBe('national_number:85073003328');
    expect(found.find((d) => d.kind === 'phone')!.key).toBe('phone:+32470123456');
    expect(found.find((d) => d.kind === 'iban')!.key).toBe('iban:be68539007547034');
    expect(found.find((d) => d.kind === 'birthdate')!.key).toBe('birthdate:1995-03-12');
  });
  it('without a names list still finds the full name by the capitalisation heuristic', () => {
    const withoutList = detectIdentifiers(DUTCH);
    expect(withoutList.find((d) => d.text === 'Yasmina El Amrani')).toMatchObject({ confidence: 'likely', key: 'name:yasmina el amrani' });
    expect(withoutList.some((d) => d.text === 'Karim')).toBe(false);
  });
});

describe('detectIdentifiers on a French case note', () => {
  const found = detectIdentifiers(FRENCH);

  it('finds exactly the identifying details, in order', () => {
    expect(pairs(found)).toEqual([
      ['name', 'Benali'],
      ['address', 'rue de la Station 14'],
      ['postcode', '6700'],
      ['birthdate', '3 mars 1990'],
      ['plate', '1-ABC-123'],
      ['iban', 'BE71 0961 2345 6769'],
      ['phone', '+32 470 98 76 54'],
      ['name', 'Lambert'],
      ['name', 'Jean-Pierre Dubois'],
      ['municipality', 'Martelange'],
    ]);
    expectConsistent(FRENCH, found);
  });
  it('marks the heuristic details likely and the checked ones certain', () => {
    const confidence = Object.fromEntries(found.map((d) => [d.text, d.confidence]));
    expect(confidence).toMatchObject({
      Benali: 'likely',
      'rue de la Station 14': 'likely',
      '6700': 'certain',
      '1-ABC-123': 'certain',
      Martelange: 'certain',
    });
  });
});

describe('detectIdentifiers on ordinary sentences', () => {
  it.each([
    'Hij volgde een opleiding in Gent en werkt nu bij het OCMW.',
    'Elle a repris contact avec sa famille en mars.',
    'De zitting van 12 maart 2024 werd uitgesteld; in 2019 verhuisde hij naar Brussel.',
    'Hij verdient 1200 euro per maand en zoekt een studio.',
    "Ze leefde een tijd op straat en zoekt nu de weg naar werk.",
    'Op maandag gaat ze naar de Maison de justice in Liège.',
    'Het Justitiehuis Antwerpen en het CAW organiseren samen een Living Lab.',
    'Il est suivi par le CPAS de Charleroi depuis janvier.',
    'He found a job in Leuven in March and is doing well.',
    'Geboren in 1995, geboren in maart 1995.',
  ])('finds nothing in "%s"', (sentence) => {
    expect(detectIdentifiers(sentence)).toEqual([]);
  });
  it('takes "Van Damme" for a person, not for the municipality Damme', () => {
    expect(pairs(detectIdentifiers('Ik sprak met Sophie Van Damme, ze woont in Damme.'))).toEqual([
      ['name', 'Sophie Van Damme'],
      ['municipality', 'Damme'],
    ]);
  });
  it('returns nothing for empty text', () => {
    expect(detectIdentifiers('')).toEqual([]);
  });
});

describe('pseudonymised text', () => {
  it.each([
    ['nl', DUTCH],
    ['fr', FRENCH],
    ['en', DUTCH],
  ] as const)('gives no detections any more once every detail is replaced (%s)', (language, text) => {
    const names = ['Yasmina El Amrani', 'Karim El Amrani'];
    const found = detectIdentifiers(text, { names });
    const entries: PseudonymEntry[] = [];
    for (const d of found) {
      const entry = assignPseudonym(d, entries, language);
      if (!entries.includes(entry)) entries.push(entry);
    }
    const replaced = applyPseudonyms(text, found, entries);
    expect(replaced).not.toContain('Yasmina');
    expect(replaced).not.toContain('0470');
    expect(detectIdentifiers(replaced, { names })).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  const d = (kind: Detection['kind'], start: number, end: number, confidence: Detection['confidence']): Detection => ({
    kind,
    start,
    end,
    text: 'x'.repeat(end - start),
    key: `${kind}:${start}`,
    confidence,
  });
  it('keeps the longer of two overlapping detections', () => {
    expect(resolveOverlaps([d('name', 0, 5, 'certain'), d('address', 0, 10, 'likely')]).map((x) => x.kind)).toEqual(['address']);
  });
  it('keeps the certain one on a tie', () => {
    expect(resolveOverlaps([d('name', 0, 5, 'likely'), d('municipality', 0, 5, 'certain')]).map((x) => x.kind)).toEqual([
      'municipality',
    ]);
  });
  it('keeps non-overlapping detections sorted by start', () => {
    expect(resolveOverlaps([d('phone', 10, 15, 'certain'), d('name', 0, 5, 'likely'), d('name', 5, 10, 'likely')]).map((x) => x.start)).toEqual([
      0, 5, 10,
    ]);
  });
});

describe('text that was already pseudonymised', () => {
  it('never flags RELAB’s own pseudonyms, nor a sentence that starts right after one', () => {
    const text = 'Persoon A woont bij Persoon B in Gemeente X. Haar broer Persoon C belt naar [telefoon]. Personne AB habite à Commune Y.';
    expect(detectIdentifiers(text)).toEqual([]);
  });

  it('still finds a real detail next to a pseudonym', () => {
    const found = detectIdentifiers('Persoon A, 85.07.30-033.28, 0470 12 34 56').map((d) => [d.kind, d.text]);
    expect(found).toEqual([['national_number', '85.07.30-033.28'], ['phone', '0470 12 34 56']]);
  });

  it('finds a phone number written right after a national number (the text search alone skips it)', () => {
    const found = detectIdentifiers('Yasmina El Amrani, 85.07.30-033.28, 0470 12 34 56').map((d) => [d.kind, d.text]);
    expect(found).toEqual([['name', 'Yasmina El Amrani'], ['national_number', '85.07.30-033.28'], ['phone', '0470 12 34 56']]);
  });
});
