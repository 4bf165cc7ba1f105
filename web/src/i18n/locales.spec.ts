import { describe, expect, test } from '@jest/globals';
import { LANGUAGES } from '@relab/shared';
import { translations } from './bundles.js';
import { requiredTranslationKeys } from './requiredKeys.js';

type Tree = { [key: string]: string | Tree };
const locales: Record<string, Tree> = translations as unknown as Record<string, Tree>;

/** "a.b.c" → value, for every leaf of a locale. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path).forEach((v, k) => out.set(k, v));
    else out.set(path, value);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(locales).map(([lng, tree]) => [lng, flatten(tree)]));
const allKeys = [...new Set(Object.values(flat).flatMap((m) => [...m.keys()]))].sort();
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  test('there is a locale for every language RELAB speaks, and no other', () => {
    expect(Object.keys(locales).sort()).toEqual([...LANGUAGES].sort());
  });

  test.each(Object.keys(locales))('%s has every key of the other locales, each a non-empty text', (lng) => {
    const missing = allKeys.filter((key) => !flat[lng].has(key));
    const empty = allKeys.filter((key) => {
      const value = flat[lng].get(key);
      return flat[lng].has(key) && (typeof value !== 'string' || value.trim() === '');
    });
    expect({ missing, empty }).toEqual({ missing: [], empty: [] });
  });

  test.each(Object.keys(locales))('%s translates every error code, role, sector, language, status and version kind', (lng) => {
    const untranslated = requiredTranslationKeys().filter((key) => {
      const value = flat[lng].get(key);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(untranslated).toEqual([]);
  });

  test('a text uses the same {{variables}} in every language', () => {
    const mismatches = allKeys.flatMap((key) => {
      const reference = variables(String(flat.en.get(key) ?? ''));
      return Object.keys(locales)
        .filter((lng) => JSON.stringify(variables(String(flat[lng].get(key) ?? ''))) !== JSON.stringify(reference))
        .map((lng) => `${lng}:${key}`);
    });
    expect(mismatches).toEqual([]);
  });
});

describe('the check itself', () => {
  test('finds a key missing in one locale', () => {
    const a = flatten({ x: { y: 'a', z: 'b' } });
    const b = flatten({ x: { y: 'a' } });
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    expect(keys.filter((k) => !b.has(k))).toEqual(['x.z']);
  });
  test('required keys cover the shared constants', () => {
    const keys = requiredTranslationKeys();
    expect(keys).toContain('errors.LAST_FACILITATOR');
    expect(keys).toContain('errors.NETWORK_ERROR');
    expect(keys).toContain('roles.returnee');
    expect(keys).toContain('sectors.justice_assistant');
    expect(keys).toContain('languages.fr');
    expect(keys).toContain('invitationStatus.revoked');
    expect(keys).toContain('errors.VERSION_NOT_FOUND');
    expect(keys).toContain('collab.errors.SAVE_FAILED');
    expect(keys).toContain('collab.status.offline');
    expect(keys).toContain('versions.kind.restore');
    expect(keys).toContain('errors.REFLECTION_HAS_DETECTIONS');
    expect(keys).toContain('reflections.status.in_review');
    expect(keys).toContain('reflections.kinds.national_number');
    expect(keys).toContain('reflections.sectorsPlural.psychologist');
    expect(keys).toContain('errors.NO_VOTES_LEFT');
    expect(keys).toContain('boards.templates.support_network');
    expect(keys).toContain('boards.types.connector');
    expect(keys).toContain('boards.colors.purple');
    expect(keys).toContain('activity.kinds.linking');
    expect(keys).toContain('activity.groups.civil_society');
    expect(keys).toContain('activity.tiers.3');
    expect(keys).toContain('activity.interactions.session_co_presence');
    expect(keys).toContain('activity.filters.presets.custom');
  });
});
