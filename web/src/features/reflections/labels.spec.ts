import { describe, expect, test } from '@jest/globals';
import { REFLECTION_LIMITS } from '@relab/shared';
import { asLanguage, domainLabel, parseTags, readersLabel } from './labels.js';

describe('labels', () => {
  test('the UI language as a RELAB language', () => {
    expect(asLanguage('fr')).toBe('fr');
    expect(asLanguage('en-GB')).toBe('en');
    expect(asLanguage('de')).toBe('nl');
    expect(asLanguage(undefined)).toBe('nl');
  });

  test('life domains in the UI language', () => {
    expect(domainLabel('housing', 'fr')).toBe('Logement');
  });

  test('tags: trimmed, split on commas and semicolons, without duplicates, within the limits', () => {
    expect(parseTags(' wonen,  werk ; Wonen,,')).toEqual(['wonen', 'werk']);
    expect(parseTags('')).toEqual([]);
    const many = parseTags(Array.from({ length: 20 }, (_, i) => `t${i}`).join(','));
    expect(many).toHaveLength(REFLECTION_LIMITS.tags);
    expect(parseTags('x'.repeat(100))[0]).toHaveLength(REFLECTION_LIMITS.tag);
  });

  test('who may read a section: sectors, then named members', () => {
    const label = readersLabel(
      { allowedSectors: ['psychologist', 'social_worker'], allowedUserIds: ['u1'] },
      (s) => (s === 'psychologist' ? 'psychologists' : 'social workers'),
      () => 'Jan Peeters',
    );
    expect(label).toBe('psychologists, social workers, Jan Peeters');
  });
});
