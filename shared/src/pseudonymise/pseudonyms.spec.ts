import { describe, expect, it } from '@jest/globals';
import { detectIdentifiers } from './detect.js';
import { applyPseudonyms, assignPseudonym, pseudonymFor, type PseudonymEntry } from './pseudonyms.js';
import { DETECTION_KINDS, type Detection } from './types.js';

describe('pseudonymFor', () => {
  it('names people A..Z, then AA, AB… in the reflection language', () => {
    expect(pseudonymFor('name', 0, 'en')).toBe('Person A');
    expect(pseudonymFor('name', 1, 'nl')).toBe('Persoon B');
    expect(pseudonymFor('name', 25, 'fr')).toBe('Personne Z');
    expect(pseudonymFor('name', 26, 'en')).toBe('Person AA');
    expect(pseudonymFor('name', 27, 'en')).toBe('Person AB');
    expect(pseudonymFor('name', 26 + 26, 'en')).toBe('Person BA');
  });
  it('names municipalities X, Y, Z, then W, V, U…', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => pseudonymFor('municipality', i, 'en'))).toEqual([
      'Municipality X',
      'Municipality Y',
      'Municipality Z',
      'Municipality W',
      'Municipality V',
      'Municipality U',
    ]);
    expect(pseudonymFor('municipality', 0, 'nl')).toBe('Gemeente X');
    expect(pseudonymFor('municipality', 1, 'fr')).toBe('Commune Y');
    expect(pseudonymFor('municipality', 25, 'en')).toBe('Municipality A');
    expect(pseudonymFor('municipality', 26, 'en')).toBe('Municipality XX');
  });
  it('uses the same bracketed placeholder for every other detail', () => {
    expect(pseudonymFor('birthdate', 3, 'nl')).toBe('[datum]');
    expect(pseudonymFor('national_number', 0, 'en')).toBe('[national number]');
    expect(pseudonymFor('national_number', 0, 'nl')).toBe('[rijksregisternummer]');
    expect(pseudonymFor('national_number', 0, 'fr')).toBe('[numéro national]');
    expect(pseudonymFor('phone', 7, 'fr')).toBe('[téléphone]');
    expect(pseudonymFor('email', 0, 'nl')).toBe('[e-mail]');
    expect(pseudonymFor('iban', 0, 'nl')).toBe('[rekening]');
    expect(pseudonymFor('iban', 0, 'fr')).toBe('[compte]');
    expect(pseudonymFor('address', 0, 'fr')).toBe('[adresse]');
    expect(pseudonymFor('postcode', 0, 'fr')).toBe('[code postal]');
    expect(pseudonymFor('plate', 0, 'nl')).toBe('[nummerplaat]');
    expect(pseudonymFor('plate', 0, 'en')).toBe('[plate]');
  });
  it('has a pseudonym for every kind and language', () => {
    for (const kind of DETECTION_KINDS) {
      for (const lang of ['nl', 'fr', 'en'] as const) expect(pseudonymFor(kind, 0, lang)).toMatch(/\S/);
    }
  });
});

describe('assignPseudonym', () => {
  const det = (key: string, text: string, kind: Detection['kind'] = 'name') => ({ key, kind, text });

  it('gives different names Person A, Person B and the same key the same pseudonym', () => {
    const entries: PseudonymEntry[] = [];
    for (const d of [det('name:0', 'Yasmina El Amrani'), det('name:1', 'Karim'), det('name:0', 'Yasmina')]) {
      const entry = assignPseudonym(d, entries, 'en');
      if (!entries.includes(entry)) entries.push(entry);
    }
    expect(entries).toEqual([
      { key: 'name:0', kind: 'name', real: 'Yasmina El Amrani', pseudonym: 'Person A' },
      { key: 'name:1', kind: 'name', real: 'Karim', pseudonym: 'Person B' },
    ]);
  });
  it('returns the existing entry unchanged for a known key', () => {
    const existing: PseudonymEntry[] = [{ key: 'name:0', kind: 'name', real: 'Yasmina', pseudonym: 'Persoon C' }];
    expect(assignPseudonym(det('name:0', 'El Amrani'), existing, 'nl')).toBe(existing[0]);
  });
  it('uses the language of the reflection', () => {
    expect(assignPseudonym(det('name:0', 'Karim'), [], 'nl').pseudonym).toBe('Persoon A');
    expect(assignPseudonym(det('name:0', 'Karim'), [], 'fr').pseudonym).toBe('Personne A');
    expect(assignPseudonym(det('municipality:mesen', 'Mesen', 'municipality'), [], 'fr').pseudonym).toBe('Commune X');
    expect(assignPseudonym(det('phone:+32470123456', '0470 12 34 56', 'phone'), [], 'nl').pseudonym).toBe('[telefoon]');
  });
  it('counts names and municipalities separately and takes the first free letter', () => {
    const existing: PseudonymEntry[] = [
      { key: 'name:0', kind: 'name', real: 'Yasmina', pseudonym: 'Person A' },
      { key: 'name:2', kind: 'name', real: 'Jan', pseudonym: 'Person C' },
      { key: 'municipality:mesen', kind: 'municipality', real: 'Mesen', pseudonym: 'Municipality X' },
    ];
    expect(assignPseudonym(det('name:1', 'Karim'), existing, 'en').pseudonym).toBe('Person B');
    expect(assignPseudonym(det('municipality:voeren', 'Voeren', 'municipality'), existing, 'en').pseudonym).toBe('Municipality Y');
  });
  it('does not change the existing list', () => {
    const existing: PseudonymEntry[] = [];
    assignPseudonym(det('name:0', 'Karim'), existing, 'en');
    expect(existing).toEqual([]);
  });
});

describe('applyPseudonyms', () => {
  it('replaces all variants of one name with the same pseudonym and keeps offsets right', () => {
    const text = "Yasmina El Amrani belde. Yasmina's broer Karim zei dat El Amrani (Y.E.A.) in Mesen woont, tel. 0470 12 34 56.";
    const detections = detectIdentifiers(text, { names: ['Yasmina El Amrani', 'Karim El Amrani'] });
    const entries: PseudonymEntry[] = [];
    for (const d of detections) {
      const entry = assignPseudonym(d, entries, 'nl');
      if (!entries.includes(entry)) entries.push(entry);
    }
    expect(applyPseudonyms(text, detections, entries)).toBe(
      "Persoon A belde. Persoon A's broer Persoon B zei dat Persoon A (Persoon A) in Gemeente X woont, tel. [telefoon].",
    );
  });
  it('only replaces detections that have an entry', () => {
    const text = 'Karim en Jan';
    const detections = detectIdentifiers(text, { names: ['Karim', 'Jan'] });
    const entries: PseudonymEntry[] = [{ key: 'name:1', kind: 'name', real: 'Jan', pseudonym: 'Person B' }];
    expect(applyPseudonyms(text, detections, entries)).toBe('Karim en Person B');
  });
  it('handles longer and shorter replacements, in any order of the detections', () => {
    const text = 'A: Benedicte Vandenbroucke, B: Li, C: Benedicte Vandenbroucke.';
    const d = (start: number, end: number, key: string): Detection => ({
      kind: 'name',
      start,
      end,
      text: text.slice(start, end),
      key,
      confidence: 'certain',
    });
    const detections = [d(38, 61, 'name:0'), d(3, 26, 'name:0'), d(31, 33, 'name:1')];
    const entries: PseudonymEntry[] = [
      { key: 'name:0', kind: 'name', real: 'Benedicte Vandenbroucke', pseudonym: 'Person A' },
      { key: 'name:1', kind: 'name', real: 'Li', pseudonym: 'Person BB' },
    ];
    expect(applyPseudonyms(text, detections, entries)).toBe('A: Person A, B: Person BB, C: Person A.');
  });
  it('skips overlapping or stale detections instead of corrupting the text', () => {
    const text = 'Karim Benali';
    const entries: PseudonymEntry[] = [
      { key: 'name:0', kind: 'name', real: 'Karim Benali', pseudonym: 'Person A' },
      { key: 'name:1', kind: 'name', real: 'Benali', pseudonym: 'Person B' },
    ];
    const detections: Detection[] = [
      { kind: 'name', start: 0, end: 12, text: 'Karim Benali', key: 'name:0', confidence: 'certain' },
      { kind: 'name', start: 6, end: 12, text: 'Benali', key: 'name:1', confidence: 'certain' },
      { kind: 'name', start: 0, end: 5, text: 'Jan', key: 'name:1', confidence: 'certain' },
    ];
    expect(applyPseudonyms(text, detections, entries)).toBe('Person A');
  });
  it('returns the text unchanged without detections', () => {
    expect(applyPseudonyms('Niets te zien.', [], [])).toBe('Niets te zien.');
  });
});
