import { describe, expect, it } from '@jest/globals';
import { detectAddresses, isStreetWord } from './addresses.js';

const texts = (text: string) => detectAddresses(text).map((d) => d.text);

describe('detectAddresses', () => {
  it.each([
    'Kerkstraat 12',
    'Kerkstraat 12A',
    'Sint-Jansplein 5 bus 3',
    'Grote Markt 1',
    'Lange Nieuwstraat 7/2',
    'Frankrijklei 101 bus 12',
    'Brusselsesteenweg 480',
    'Koning Albertlaan 3',
    'rue de la Station 14',
    'Avenue Louise 231 bte 4',
    'Chaussée de Gand 1020',
    "rue d'Arlon 5 boîte 2",
    'av. de Tervueren 12',
    'Boulevard Anspach 1',
    'Place Saint-Lambert 7',
  ])('finds %s', (address) => {
    const text = `Het adres is ${address}, sinds vorig jaar.`;
    const found = detectAddresses(text);
    expect(found.map((d) => d.text)).toEqual([address]);
    expect(found[0]).toMatchObject({ kind: 'address', confidence: 'likely' });
    expect(found[0]!.key).toBe(`address:${address.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}`);
  });
  it('finds a French address with the number in front', () => {
    expect(texts('Il habite au 14, rue du Moulin.')).toEqual(['14, rue du Moulin']);
  });
  it('finds the street of a full address line without the postcode', () => {
    expect(texts('Kerkstraat 12, 2000 Antwerpen')).toEqual(['Kerkstraat 12']);
  });
  it('ignores street words without a number', () => {
    expect(texts('Hij leefde op straat en zocht de weg naar werk. Hij woont in de Kerkstraat.')).toEqual([]);
    expect(texts('Il vit dans la rue. Avenue Louise est longue.')).toEqual([]);
  });
  it('ignores lowercase street words with numbers and ordinary capitalised words', () => {
    expect(texts('op straat 12 dagen, de weg 3 keer, Karim 12 jaar, Rue 5')).toEqual([]);
  });
  it('ignores French street words followed only by particles', () => {
    expect(texts('à la place de 3 personnes')).toEqual([]);
  });
});

describe('isStreetWord', () => {
  it('recognises street words and compounds', () => {
    expect(isStreetWord('Kerkstraat')).toBe(true);
    expect(isStreetWord('Markt')).toBe(true);
    expect(isStreetWord('Rue')).toBe(true);
    expect(isStreetWord('Dewal')).toBe(false);
    expect(isStreetWord('Peeters')).toBe(false);
  });
});
