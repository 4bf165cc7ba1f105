import { describe, expect, it } from '@jest/globals';
import { detectPlates } from './plates.js';

describe('detectPlates', () => {
  it.each([
    ['1-ABC-123', 'plate:1abc123'],
    ['1ABC123', 'plate:1abc123'],
    ['1 ABC 123', 'plate:1abc123'],
    ['2-XYZ-987', 'plate:2xyz987'],
    ['ABC-123', 'plate:abc123'],
    ['ABC 123', 'plate:abc123'],
  ])('finds %s', (plate, key) => {
    const text = `De wagen met nummerplaat ${plate} stond voor de deur.`;
    const found = detectPlates(text);
    expect(found.map((d) => d.text)).toContain(plate);
    expect(found.find((d) => d.text === plate)).toMatchObject({ kind: 'plate', key, confidence: 'certain' });
  });
  it('ignores postcodes with a country prefix, standards and amounts', () => {
    expect(detectPlates('B-9000 Gent, ISO-9001, ISO 9001, EUR 500, 1200 euro')).toEqual([]);
  });
  it('needs a separator for the old format and exact group sizes', () => {
    expect(detectPlates('ABC123, ABCD-123, ABC-1234, 1-ABCD-123, 1-AB-123, 12-ABC-123, abc-123')).toEqual([]);
  });
});
