import { describe, expect, it } from '@jest/globals';
import { detectListedNames, nameVariants } from './names.js';

const texts = (text: string, names: string[]) => detectListedNames(text, names).map((d) => d.text);

describe('nameVariants', () => {
  it('gives the full name, first name, surname with particles, initial + surname and initials', () => {
    expect(nameVariants('Yasmina El Amrani')).toEqual(['Yasmina El Amrani', 'Yasmina', 'El Amrani', 'Y. El Amrani', 'Y.E.A.', 'YEA']);
  });
  it('keeps multi-particle surnames whole', () => {
    expect(nameVariants('Karim van den Berg')).toEqual([
      'Karim van den Berg',
      'Karim',
      'van den Berg',
      'K. van den Berg',
      'K.V.D.B.',
      'KVDB',
    ]);
  });
  it('never gives 1–2 letter parts on their own and no undotted 2-letter initials', () => {
    expect(nameVariants('Jo Li')).toEqual(['Jo Li', 'J. Li', 'J.L.']);
    expect(nameVariants('Bo Benali')).toEqual(['Bo Benali', 'Benali', 'B. Benali', 'B.B.']);
    expect(nameVariants('Jo')).toEqual([]);
    expect(nameVariants('Karim')).toEqual(['Karim']);
  });
  it('uses every part of a hyphenated first name for initials', () => {
    expect(nameVariants('Jean-Pierre Dubois')).toEqual([
      'Jean-Pierre Dubois',
      'Jean-Pierre',
      'Dubois',
      'J. Dubois',
      'J.-P. Dubois',
      'J.P.D.',
      'JPD',
    ]);
  });
  it('understands "Surname, First name"', () => {
    expect(nameVariants('El Amrani, Yasmina')[0]).toBe('Yasmina El Amrani');
  });
  it('treats an entry that starts with a particle as one surname (no first name)', () => {
    expect(nameVariants('Van Damme')).toEqual(['Van Damme', 'V.D.']);
  });
  it('returns nothing for an empty entry', () => {
    expect(nameVariants('   ')).toEqual([]);
  });
});

describe('detectListedNames', () => {
  const names = ['Yasmina El Amrani', 'Karim Benali'];

  it('finds the full name, first name, surname and initials, all with the key of their entry', () => {
    const text = 'Yasmina El Amrani kwam. Later zei Yasmina dat El Amrani haar familienaam is. Y. El Amrani tekende, ook als Y.E.A. en YEA.';
    const found = detectListedNames(text, names);
    const byStart = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
    expect(byStart.map((d) => d.text)).toEqual(
      expect.arrayContaining(['Yasmina El Amrani', 'Yasmina', 'El Amrani', 'Y. El Amrani', 'Y.E.A.', 'YEA']),
    );
    expect(found.every((d) => d.key === 'name:0' && d.kind === 'name' && d.confidence === 'certain')).toBe(true);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
  it('is case- and accent-insensitive and keeps exact offsets', () => {
    const text = 'Gesprek met YASMINA EL AMRANI en met Yasmína el amrani.';
    const found = detectListedNames(text, names).filter((d) => d.text.length > 9);
    expect(found.map((d) => d.text)).toEqual(['YASMINA EL AMRANI', 'Yasmína el amrani']);
    expect(found[0]!.start).toBe(12);
  });
  it('matches accented names in text without accents and the other way round', () => {
    expect(texts('Hélène kwam niet, Helene wel.', ['Hélène Dubois'])).toEqual(['Hélène', 'Helene']);
  });
  it('matches inflections but reports only the name', () => {
    const text = "Yasmina's broer, Yasmina’s zus, Yasminas moeder, d'Yasmina, l’El Amrani, Karims fiets.";
    expect(texts(text, names)).toEqual(['Yasmina', 'Yasmina', 'Yasmina', 'Yasmina', 'El Amrani', 'Karim']);
  });
  it('matches hyphen and space variants of compound names', () => {
    expect(texts('Jean Pierre en Jean-Pierre', ['Jean-Pierre Dubois'])).toEqual(['Jean Pierre', 'Jean-Pierre']);
  });
  it('matches the initials of a hyphenated first name', () => {
    expect(texts('J.-P. Dubois, J.P. Dubois, J. Dubois, JPD', ['Jean-Pierre Dubois'])).toEqual([
      'J.-P. Dubois',
      'J.P. Dubois',
      'J. Dubois',
      'JPD',
    ]);
  });
  it('does not match inside other words', () => {
    expect(texts('Karimah, Benalisch, YasminaX, Amrani, Bo', names)).toEqual([]);
  });
  it('does not match the particle or 1–2 letter parts alone', () => {
    expect(texts('El gato, Bo, Li en Jo kwamen', ['Yasmina El Amrani', 'Jo Li', 'Bo Benali'])).toEqual([]);
  });
  it('treats a leading particle as part of the surname ("Al Hassan")', () => {
    expect(nameVariants('Al Hassan')).toEqual(['Al Hassan', 'A.H.']);
    expect(texts('Hassan en Al Hassan', ['Al Hassan'])).toEqual(['Al Hassan']);
  });
  it('matches all-capital initials only in capitals and as a whole word', () => {
    expect(texts('yea, Yea, YEAR, YEA-3', names)).toEqual(['YEA']);
  });
  it('gives each entry its own key', () => {
    const found = detectListedNames('Karim en Yasmina', names);
    expect(found.map((d) => [d.text, d.key])).toEqual(
      expect.arrayContaining([
        ['Karim', 'name:1'],
        ['Yasmina', 'name:0'],
      ]),
    );
  });
  it('finds places or organisations entered in the names list', () => {
    expect(texts('Ze verblijft in De Vlinder.', ['De Vlinder'])).toEqual(['De Vlinder']);
  });
  it('returns nothing without names', () => {
    expect(detectListedNames('Yasmina El Amrani', [])).toEqual([]);
  });
});
