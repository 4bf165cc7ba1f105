import { describe, expect, it } from '@jest/globals';
import { detectCapitalisedNames } from './capitalised.js';

const texts = (text: string) => detectCapitalisedNames(text).map((d) => d.text);

describe('detectCapitalisedNames', () => {
  it('finds two or more consecutive capitalised words, with particles', () => {
    expect(texts('Ik sprak met Karim van den Berg en Fatima El Idrissi over Jean-Pierre Dubois.')).toEqual([
      'Karim van den Berg',
      'Fatima El Idrissi',
      'Jean-Pierre Dubois',
    ]);
  });
  it('marks them likely with a folded text key', () => {
    expect(detectCapitalisedNames('Gesprek met Hélène Dubois.')[0]).toMatchObject({
      kind: 'name',
      confidence: 'likely',
      key: 'name:helene dubois',
      text: 'Hélène Dubois',
    });
  });
  it('finds a name at the start of a sentence when the first word is not a common word', () => {
    expect(texts('Karim Benali kwam te laat. Jan Peeters niet.')).toEqual(['Karim Benali', 'Jan Peeters']);
  });
  it('drops a common sentence-starting word before a name', () => {
    expect(texts('Gisteren Karim Benali gezien. Volgens Jan Peeters klopt dat.')).toEqual(['Karim Benali', 'Jan Peeters']);
  });
  it('finds a single capitalised word after a title', () => {
    expect(
      texts(
        'Ik belde meneer Peeters, mevrouw Van den Berg, mevr. Janssens, dhr. Claes en Mevrouw Maes. Monsieur Benali, Madame El Idrissi, Mme Lambert et M. Dupont. Mr Smith, Mrs Jones, dr. Wouters, Dr Vos.',
      ),
    ).toEqual(['Peeters', 'Van den Berg', 'Janssens', 'Claes', 'Maes', 'Benali', 'El Idrissi', 'Lambert', 'Dupont', 'Smith', 'Jones', 'Wouters', 'Vos']);
  });
  it('finds initials followed by a surname', () => {
    expect(texts('Het verslag van J. Peeters en J.P. Dubois.')).toEqual(['J. Peeters', 'J.P. Dubois']);
  });
  it('finds a surname with a capitalised particle in the middle of a sentence', () => {
    expect(texts('We wachten op Van den Berg en El Idrissi.')).toEqual(['Van den Berg', 'El Idrissi']);
  });
  it('ignores single capitalised words without a title', () => {
    expect(texts('Daarna kwam Karim binnen; Yasmina bleef buiten.')).toEqual([]);
  });
  it('ignores sentence starts, weekdays, months and institutions', () => {
    expect(
      texts(
        'De Dienst Justitiehuizen belde. Het Justitiehuis Antwerpen en de Maison de justice. Op Maandag Januari niets. Het OCMW Gent en het CPAS Bruxelles. De Vlaamse Gemeenschap en de Fédération Wallonie-Bruxelles. Het Rode Kruis.',
      ),
    ).toEqual([]);
  });
  it('ignores all-capital acronyms', () => {
    expect(texts('Bij VDAB en CAW kreeg hij hulp, ook van OCMW KORTRIJK.')).toEqual([]);
  });
  it('does not take big cities or small municipalities for names', () => {
    expect(texts('Hij verhuisde van Sint-Niklaas naar Gent, Brussel, Liège en Molenbeek. Ze woont in Lo Reninge en La Louvière.')).toEqual([]);
  });
  it('does not take lowercase words after a title for a name', () => {
    expect(texts('meneer zei dat madame niet kwam.')).toEqual([]);
  });
  it('does not take street names for person names', () => {
    expect(texts('Hij woont in de Lange Nieuwstraat, vlak bij Avenue Louise.')).toEqual([]);
  });
  it('ignores pseudonyms already in the text', () => {
    expect(texts('Persoon A sprak met Personne B en Person C in Gemeente X.')).toEqual([]);
  });
  it('keeps a place name that is part of a surname', () => {
    expect(texts('Ik sprak met Sophie Van Damme en Jan Van Hasselt.')).toEqual(['Sophie Van Damme', 'Jan Van Hasselt']);
  });
  it('cuts an institution and its city off a name', () => {
    expect(texts('Ik belde mevrouw Peeters van het Justitiehuis Antwerpen.')).toEqual(['Peeters']);
    expect(texts('Karim Benali van het Justitiehuis kwam ook.')).toEqual(['Karim Benali']);
  });
  it('finds hyphenated initials', () => {
    expect(texts('Een brief van J.-P. Dubois.')).toEqual(['J.-P. Dubois']);
  });
  it('ignores salutations and project words', () => {
    expect(texts('Geachte heer Vermeulen, Beste Karim, Dear Sarah, In het Living Lab en het Plan van Aanpak.')).toEqual(['Vermeulen']);
  });
});
