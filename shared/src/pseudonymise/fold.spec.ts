import { describe, expect, it } from '@jest/globals';
import { foldAccents, foldText, normaliseKeyNumber, normaliseKeyText } from './fold.js';

describe('foldText', () => {
  it('lowercases and removes accents without changing the length', () => {
    const input = 'Élodie Müller-Çelik, Liège, Bütgenbach, ĳ Łódź';
    const folded = foldText(input);
    expect(folded).toHaveLength(input.length);
    expect(folded).toBe('elodie muller-celik, liege, butgenbach, ĳ lodz');
  });
  it('unifies typographic apostrophes, dashes and non-breaking spaces', () => {
    expect(foldText('l’El\u00a0Amrani – d‘x')).toBe("l'el amrani - d'x");
  });
  it('keeps characters outside the BMP and decomposed text at the same length', () => {
    const input = 'Ké😀 e\u0301';
    expect(foldText(input)).toHaveLength(input.length);
  });
  it('handles letters whose lowercase is longer (İ) without shifting offsets', () => {
    expect(foldText('İstanbul')).toHaveLength('İstanbul'.length);
  });
});

describe('foldAccents', () => {
  it('keeps case', () => {
    expect(foldAccents('Sainte-Ode, Érezée')).toBe('Sainte-Ode, Erezee');
  });
});

describe('key normalisation', () => {
  it('collapses spaces in text keys', () => {
    expect(normaliseKeyText('  Rue de la  Station 14 ')).toBe('rue de la station 14');
  });
  it('removes separators in number keys', () => {
    expect(normaliseKeyNumber('85.07.30-033.28')).toBe('85073003328');
    expect(normaliseKeyNumber('0470 12/34 56')).toBe('0470123456');
  });
});
