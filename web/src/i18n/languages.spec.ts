import { describe, expect, test } from '@jest/globals';
import { isLanguage, pickInitialLanguage } from './languages.js';

describe('initial language', () => {
  test('a choice remembered on the device wins', () => {
    expect(pickInitialLanguage('fr', ['en-GB'])).toBe('fr');
  });
  test('otherwise the first supported browser language, regional variants included', () => {
    expect(pickInitialLanguage(null, ['de-DE', 'FR-be', 'en'])).toBe('fr');
    expect(pickInitialLanguage('xx', ['en-US'])).toBe('en');
  });
  test('otherwise Dutch', () => {
    expect(pickInitialLanguage(undefined, ['de', 'ar'])).toBe('nl');
    expect(pickInitialLanguage(null)).toBe('nl');
  });
  test('only nl, fr and en are languages', () => {
    expect(['nl', 'fr', 'en'].every(isLanguage)).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
