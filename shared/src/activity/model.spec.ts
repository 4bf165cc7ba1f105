import { describe, expect, test } from '@jest/globals';
import { POWER_TIERS, STAKEHOLDER_GROUPS, type PowerTier, type StakeholderGroup } from '../domain/sectors.js';
import {
  LANGUAGE_COMMUNITIES,
  classifyTie,
  defaultStakeholderMapping,
  eiIndex,
  eiIndices,
  languageCommunityOf,
  pairClass,
  tieOfClass,
  stakeholderIn,
  stakeholderMapping,
  suppress,
  type GroupTie,
  type LanguageCommunity,
} from './model.js';

const TIERS = Object.values(POWER_TIERS) as PowerTier[];

describe('classification of a pair', () => {
  // every combination of tier, group and language, for both settings of the language rule
  const sides: Array<{ group: StakeholderGroup; tier: PowerTier; language: LanguageCommunity }> = [];
  for (const tier of TIERS) for (const group of ['justice', 'social'] as StakeholderGroup[]) for (const language of LANGUAGE_COMMUNITIES) sides.push({ group, tier, language });

  test.each([false, true])('every combination, bonding requires the same language: %s', (sameLanguage) => {
    let seen = { bonding: 0, bridging: 0, linking: 0 };
    for (const a of sides) {
      for (const b of sides) {
        const kind = classifyTie(a, b, { bondingRequiresSameLanguage: sameLanguage });
        // the rule, spelled out
        const expected = a.tier !== b.tier ? 'linking' : a.group === b.group && (!sameLanguage || a.language === b.language) ? 'bonding' : 'bridging';
        expect(kind).toBe(expected);
        // symmetric
        expect(classifyTie(b, a, { bondingRequiresSameLanguage: sameLanguage })).toBe(kind);
        // the stored class gives the same answer
        expect(tieOfClass(pairClass(a, b), { bondingRequiresSameLanguage: sameLanguage })).toBe(kind);
        seen = { ...seen, [kind]: seen[kind] + 1 };
      }
    }
    // 18 sides → 324 ordered pairs: tiers differ in 216; same tier 108, of which same group 54
    expect(seen.linking).toBe(216);
    expect(seen.bonding).toBe(sameLanguage ? 18 : 54);
    expect(seen.bridging).toBe(sameLanguage ? 90 : 54);
  });

  test('worked examples: family ↔ judge linking, social worker ↔ imam bridging, two social workers bonding', () => {
    const m = defaultStakeholderMapping();
    const side = (key: keyof typeof m, language: LanguageCommunity = 'nl') => ({ ...m[key], language });
    expect(classifyTie(side('family', 'fr'), side('judge'))).toBe('linking');
    expect(classifyTie(side('returnee'), side('local_police'))).toBe('linking');
    expect(classifyTie(side('social_worker'), side('religious_counsellor'))).toBe('bridging');
    expect(classifyTie(side('social_worker'), side('social_worker', 'fr'))).toBe('bonding');
    expect(classifyTie(side('social_worker'), side('social_worker', 'fr'), { bondingRequiresSameLanguage: true })).toBe('bridging');
    expect(classifyTie(side('family'), side('civil_society'))).toBe('bridging');
    expect(classifyTie(side('family'), side('returnee'))).toBe('bridging');
  });

  test('the mapping: defaults, a facilitator’s override, members without a group', () => {
    const mapping = stakeholderMapping({ local_police: { group: 'police', tier: 2 } });
    expect(stakeholderIn(mapping, { role: 'practitioner', sector: 'local_police' })).toEqual({ group: 'police', tier: 2 });
    expect(stakeholderIn(defaultStakeholderMapping(), { role: 'practitioner', sector: 'local_police' })).toEqual({ group: 'police', tier: 3 });
    // families and returnees by role, whatever sector is sent
    expect(stakeholderIn(mapping, { role: 'family', sector: 'judge' })).toEqual({ group: 'family', tier: 1 });
    expect(stakeholderIn(mapping, { role: 'observer', sector: null })).toBeNull();
    for (const g of Object.values(defaultStakeholderMapping())) expect(STAKEHOLDER_GROUPS).toContain(g.group);
    expect(languageCommunityOf('nl')).toBe('nl');
    expect(languageCommunityOf('fr')).toBe('fr');
    expect(languageCommunityOf('en')).toBe('other');
  });
});

describe('E-I index', () => {
  test('the formula', () => {
    expect(eiIndex(0, 0)).toBeNull();
    expect(eiIndex(3, 0)).toBe(1);
    expect(eiIndex(0, 4)).toBe(-1);
    expect(eiIndex(3, 1)).toBe(0.5);
  });

  test('a small graph worked out by hand', () => {
    // members: f1 f2 (family), j1 (justice), s1 s2 (social)
    // ties: f1–f2 (inside family), s1–s2 (inside social), f1–j1, f2–s1, j1–s1 (between groups)
    const ties: GroupTie[] = [
      { groupA: 'family', groupB: 'family' },
      { groupA: 'social', groupB: 'social' },
      { groupA: 'family', groupB: 'justice' },
      { groupA: 'family', groupB: 'social' },
      { groupA: 'justice', groupB: 'social' },
    ];
    const { overall, external, internal, byGroup } = eiIndices(ties);
    // overall: E = 3, I = 2 → 1/5
    expect([external, internal]).toEqual([3, 2]);
    expect(overall).toBeCloseTo(0.2);
    // family: E = 2 (f1–j1, f2–s1), I = 1 → 1/3
    expect(byGroup.family).toEqual({ external: 2, internal: 1, ei: expect.closeTo(1 / 3) });
    // justice: E = 2, I = 0 → 1
    expect(byGroup.justice).toEqual({ external: 2, internal: 0, ei: 1 });
    // social: E = 2 (f2–s1, j1–s1), I = 1 → 1/3
    expect(byGroup.social?.ei).toBeCloseTo(1 / 3);
    expect(byGroup.police).toBeUndefined();
  });
});

describe('suppression (k-anonymity)', () => {
  test('a cell describing fewer than k members is hidden; k or more, or nobody, is shown', () => {
    expect(suppress(7, 2, 3)).toBeNull();
    expect(suppress(7, 1, 3)).toBeNull();
    expect(suppress(7, 3, 3)).toBe(7);
    expect(suppress(0, 0, 3)).toBe(0);
    expect(suppress(0.25, 4, 5)).toBeNull();
    expect(suppress(0.25, 5, 5)).toBe(0.25);
  });

  test('on a small graph: per group, only groups of at least k members show their figures', () => {
    // group sizes from the graph above: family 2, justice 1, social 2 with k = 2 and k = 3
    const sizes = { family: 2, justice: 1, social: 2 };
    const shown = (k: number) => Object.entries(sizes).filter(([, n]) => suppress(n, n, k) !== null).map(([g]) => g);
    expect(shown(2)).toEqual(['family', 'social']);
    expect(shown(3)).toEqual([]);
    expect(shown(1)).toEqual(['family', 'justice', 'social']);
  });
});
