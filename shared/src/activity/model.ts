import type { Language } from '../domain/languages.js';
import { SECTORS, type PowerTier, type Sector, type SectorInfo, type StakeholderGroup } from '../domain/sectors.js';

/*
 * Bonding, bridging and linking (issue 7, ADR 0010). Every interaction between two members of a lab is one
 * interaction event, with a snapshot of both members' stakeholder group, power tier, language community and
 * municipality at that time. The classification and the metrics below are the one definition used by the server
 * (in SQL, mirrored and tested here), the web and the tests.
 */

/** The kinds of interaction RELAB records, from strongest to weakest by default. */
export const INTERACTION_KINDS = [
  'dialogue_reply',
  'dialogue_mention',
  'reflection_reply',
  'reflection_mention',
  'reflection_co_edit',
  'board_connect',
  'board_group',
  'board_vote',
  'session_co_presence',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** Default weights (per lab overridable). A reply is a direct exchange; being in the same room is the weakest tie. */
export const DEFAULT_INTERACTION_WEIGHTS: Record<InteractionKind, number> = {
  dialogue_reply: 3,
  dialogue_mention: 2,
  reflection_reply: 3,
  reflection_mention: 2,
  reflection_co_edit: 2,
  board_connect: 2,
  board_group: 1,
  board_vote: 1,
  session_co_presence: 0.5,
};
export const MAX_INTERACTION_WEIGHT = 10;

export const TIE_KINDS = ['bonding', 'bridging', 'linking'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** Language community of a member: Dutch- or French-speaking, or other (English as working language). */
export const LANGUAGE_COMMUNITIES = ['nl', 'fr', 'other'] as const;
export type LanguageCommunity = (typeof LANGUAGE_COMMUNITIES)[number];
export function languageCommunityOf(language: Language): LanguageCommunity {
  return language === 'nl' || language === 'fr' ? language : 'other';
}

/** What an interaction event keeps of a member, as they were at the time. */
export interface MemberSnapshot {
  group: StakeholderGroup;
  tier: PowerTier;
  language: LanguageCommunity;
  municipality: string | null;
}

/** Keys of the mapping a lab may override: every practitioner sector, and the two participant roles. */
export const STAKEHOLDER_KEYS = [...(Object.keys(SECTORS) as Sector[]), 'family', 'returnee'] as const;
export type StakeholderKey = Sector | 'family' | 'returnee';
export type StakeholderMapping = Record<StakeholderKey, SectorInfo>;

/** The default mapping: sectors as in `SECTORS`, families and returnees in their own group at the community tier. */
export function defaultStakeholderMapping(): StakeholderMapping {
  return { ...SECTORS, family: { group: 'family', tier: 1 }, returnee: { group: 'returnee', tier: 1 } } as StakeholderMapping;
}

/** The lab's mapping: the defaults with the facilitator's overrides applied. */
export function stakeholderMapping(overrides: Partial<StakeholderMapping> = {}): StakeholderMapping {
  return { ...defaultStakeholderMapping(), ...overrides };
}

/** Group and tier of a member under a lab's mapping; null for members who are neither participants nor have a sector. */
export function stakeholderIn(mapping: StakeholderMapping, member: { role: string; sector?: Sector | null }): SectorInfo | null {
  if (member.role === 'family' || member.role === 'returnee') return mapping[member.role];
  return member.sector ? mapping[member.sector] : null;
}

export interface ClassificationRule {
  /** When true, two members of the same group but of different language communities form a bridging tie. */
  bondingRequiresSameLanguage: boolean;
}
export const DEFAULT_CLASSIFICATION_RULE: ClassificationRule = { bondingRequiresSameLanguage: false };

/**
 * A pair is linking if the power tiers differ; else bonding if the stakeholder groups are the same (and, per lab
 * setting, the same language community); else bridging.
 */
export function classifyTie(a: Pick<MemberSnapshot, 'group' | 'tier' | 'language'>, b: Pick<MemberSnapshot, 'group' | 'tier' | 'language'>, rule: ClassificationRule = DEFAULT_CLASSIFICATION_RULE): TieKind {
  if (a.tier !== b.tier) return 'linking';
  if (a.group === b.group && (!rule.bondingRequiresSameLanguage || a.language === b.language)) return 'bonding';
  return 'bridging';
}

/**
 * The class of a pair's two snapshots, what the tie kind depends on under either language rule (stored with each
 * event and in the day pre-aggregates): bit 1 the power tiers differ, bit 2 same stakeholder group, bit 4 same
 * language community.
 */
export const PAIR_CLASS = { tiersDiffer: 1, sameGroup: 2, sameLanguage: 4 } as const;
export function pairClass(a: Pick<MemberSnapshot, 'group' | 'tier' | 'language'>, b: Pick<MemberSnapshot, 'group' | 'tier' | 'language'>): number {
  return (a.tier !== b.tier ? PAIR_CLASS.tiersDiffer : 0) | (a.group === b.group ? PAIR_CLASS.sameGroup : 0) | (a.language === b.language ? PAIR_CLASS.sameLanguage : 0);
}
/** The tie kind of a pair class under a lab's rule: the same answer as `classifyTie` on the two snapshots. */
export function tieOfClass(cls: number, rule: ClassificationRule = DEFAULT_CLASSIFICATION_RULE): TieKind {
  if (cls & PAIR_CLASS.tiersDiffer) return 'linking';
  if (cls & PAIR_CLASS.sameGroup && (!rule.bondingRequiresSameLanguage || cls & PAIR_CLASS.sameLanguage)) return 'bonding';
  return 'bridging';
}

/**
 * Krackhardt and Stern's E-I index: (external − internal) / (external + internal), from −1 (all ties inside the
 * group) to +1 (all ties leave it). Null when there is no tie at all.
 */
export function eiIndex(external: number, internal: number): number | null {
  const total = external + internal;
  return total === 0 ? null : (external - internal) / total;
}

/** A pair of members as the metrics see it: the two groups. */
export interface GroupTie {
  groupA: StakeholderGroup;
  groupB: StakeholderGroup;
}

/**
 * E-I index per group and overall over a set of distinct ties. A tie between two groups is external for both;
 * a tie inside a group internal to it. Overall, each tie counts once.
 */
export function eiIndices(ties: GroupTie[]): {
  overall: number | null;
  external: number;
  internal: number;
  byGroup: Partial<Record<StakeholderGroup, { external: number; internal: number; ei: number | null }>>;
} {
  const counts = new Map<StakeholderGroup, { e: number; i: number }>();
  const at = (g: StakeholderGroup) => {
    let c = counts.get(g);
    if (!c) counts.set(g, (c = { e: 0, i: 0 }));
    return c;
  };
  let e = 0;
  let i = 0;
  for (const t of ties) {
    if (t.groupA === t.groupB) {
      at(t.groupA).i++;
      i++;
    } else {
      at(t.groupA).e++;
      at(t.groupB).e++;
      e++;
    }
  }
  const byGroup: Partial<Record<StakeholderGroup, { external: number; internal: number; ei: number | null }>> = {};
  for (const [g, c] of counts) byGroup[g] = { external: c.e, internal: c.i, ei: eiIndex(c.e, c.i) };
  return { overall: eiIndex(e, i), external: e, internal: i, byGroup };
}

export const DEFAULT_K_ANONYMITY = 3;
export const K_ANONYMITY_RANGE = { min: 2, max: 20 } as const;

/**
 * The suppression rule: a cell (a count, a share, an index, a node of an aggregated graph) that describes fewer
 * than k distinct members is not shown; null stands for "suppressed". A cell describing nobody (0 members) is a
 * true zero and is shown.
 */
export function suppress<T>(value: T, members: number, k: number): T | null {
  return members > 0 && members < k ? null : value;
}

/** Buckets of the dashboard's series: weeks start on Monday, months on the 1st (UTC). */
export const ACTIVITY_BUCKETS = ['week', 'month'] as const;
export type ActivityBucket = (typeof ACTIVITY_BUCKETS)[number];
