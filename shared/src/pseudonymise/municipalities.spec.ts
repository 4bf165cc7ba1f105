import { describe, expect, it } from '@jest/globals';
import { detectMunicipalities, SMALL_MUNICIPALITIES, smallMunicipalityKey } from './municipalities.js';
import { isNonIdentifyingPlace } from './places.js';

const texts = (text: string) => detectMunicipalities(text).map((d) => d.text);

describe('SMALL_MUNICIPALITIES', () => {
  it('has at least 150 municipalities without duplicates', () => {
    expect(SMALL_MUNICIPALITIES.length).toBeGreaterThanOrEqual(150);
    const all = SMALL_MUNICIPALITIES.flat().map((n) => n.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });
  it('does not list big cities as small municipalities', () => {
    for (const names of SMALL_MUNICIPALITIES) {
      for (const name of names) expect([name, isNonIdentifyingPlace(name)]).toEqual([name, false]);
    }
  });
  it('covers Flanders, Wallonia and the German-speaking Community', () => {
    for (const name of ['Herstappe', 'Mesen', 'Baarle-Hertog', 'Voeren', 'Lo-Reninge', 'Alveringem', 'Heuvelland', 'Zuienkerke', 'Vleteren', 'Spiere-Helkijn']) {
      expect(smallMunicipalityKey(name)).toBeDefined();
    }
    for (const name of ['Daverdisse', 'Martelange', 'Fauvillers', 'Lierneux', 'Vresse-sur-Semois', 'Wellin', 'Tellin', 'Attert', 'Léglise', 'Sainte-Ode', 'Bièvre', 'Hamoir']) {
      expect([name, smallMunicipalityKey(name)]).toEqual([name, expect.any(String)]);
    }
    for (const name of ['Burg-Reuland', 'Amel', 'Amblève', 'Büllingen', 'Bütgenbach']) {
      expect(smallMunicipalityKey(name)).toBeDefined();
    }
  });
});

describe('detectMunicipalities', () => {
  it('finds small municipalities with a canonical key shared by their exonyms', () => {
    const found = detectMunicipalities('Ze groeide op in Mesen (Messines) en woont nu in Voeren, dat is Fourons.');
    expect(found.map((d) => [d.text, d.key])).toEqual([
      ['Mesen', 'municipality:mesen'],
      ['Messines', 'municipality:mesen'],
      ['Voeren', 'municipality:voeren'],
      ['Fourons', 'municipality:voeren'],
    ]);
    expect(found.every((d) => d.kind === 'municipality' && d.confidence === 'certain')).toBe(true);
  });
  it('accepts hyphen/space variants and missing accents', () => {
    expect(texts('Lo Reninge, Lo-Reninge, Butgenbach, Vresse sur Semois, Leglise, Sankt Vith')).toEqual([
      'Lo Reninge',
      'Lo-Reninge',
      'Butgenbach',
      'Vresse sur Semois',
      'Leglise',
      'Sankt Vith',
    ]);
    const keys = detectMunicipalities('Lo Reninge en Lo-Reninge').map((d) => d.key);
    expect(keys).toEqual(['municipality:lo-reninge', 'municipality:lo-reninge']);
  });
  it('needs a capital first letter and a whole word', () => {
    expect(texts('wellen en bronnen, het amel-achtige, Herstappen, XMesen')).toEqual([]);
  });
  it('does not take a surname after a title for the municipality', () => {
    expect(texts('mevrouw Beaumont, Mme Beaumont, M. Damme, maar wel naar Beaumont')).toEqual(['Beaumont']);
  });
  it('ignores big cities', () => {
    expect(texts('Antwerpen, Gent, Liège, Charleroi, Molenbeek')).toEqual([]);
  });
});
