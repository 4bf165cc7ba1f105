/**
 * The settings form of activity tracking (facilitators): a draft of texts and selects, checked on the client with the
 * contract's limits and turned into the PUT /settings body.
 */
import {
  INTERACTION_KINDS,
  K_ANONYMITY_RANGE,
  MAX_INTERACTION_WEIGHT,
  STAKEHOLDER_KEYS,
  defaultStakeholderMapping,
  type ActivitySettings,
  type ActivitySettingsUpdate,
  type InteractionKind,
  type PowerTier,
  type SectorInfo,
  type StakeholderKey,
} from '@relab/shared';

export interface SettingsDraft {
  /** As typed (number inputs give text). */
  weights: Record<InteractionKind, string>;
  kAnonymity: string;
  bondingRequiresSameLanguage: boolean;
  mapping: Record<StakeholderKey, SectorInfo>;
}

export type SettingsErrors = Partial<Record<InteractionKind | 'kAnonymity', 'weight' | 'k'>>;

export const POWER_TIER_VALUES: readonly PowerTier[] = [1, 2, 3];

export function draftFrom(settings: ActivitySettings): SettingsDraft {
  const defaults = defaultStakeholderMapping();
  return {
    weights: Object.fromEntries(INTERACTION_KINDS.map((k) => [k, String(settings.weights[k] ?? '')])) as Record<InteractionKind, string>,
    kAnonymity: String(settings.kAnonymity),
    bondingRequiresSameLanguage: settings.bondingRequiresSameLanguage,
    mapping: Object.fromEntries(STAKEHOLDER_KEYS.map((key) => [key, { ...(settings.mapping[key] ?? defaults[key]) }])) as Record<StakeholderKey, SectorInfo>,
  };
}

/** "2,5" (a Belgian keyboard) reads as 2.5; anything else that is not a number is NaN. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function draftErrors(draft: SettingsDraft): SettingsErrors {
  const errors: SettingsErrors = {};
  for (const kind of INTERACTION_KINDS) {
    const w = parseNumber(draft.weights[kind]);
    if (!Number.isFinite(w) || w < 0 || w > MAX_INTERACTION_WEIGHT) errors[kind] = 'weight';
  }
  const k = parseNumber(draft.kAnonymity);
  if (!Number.isInteger(k) || k < K_ANONYMITY_RANGE.min || k > K_ANONYMITY_RANGE.max) errors.kAnonymity = 'k';
  return errors;
}

/**
 * The PUT body: every weight, k and the rule; per mapping key its group and tier, or null where it equals the default
 * (so the lab follows later changes of the defaults for the keys it did not change).
 */
export function updateFrom(draft: SettingsDraft): ActivitySettingsUpdate {
  const defaults = defaultStakeholderMapping();
  const mapping: NonNullable<ActivitySettingsUpdate['mapping']> = {};
  for (const key of STAKEHOLDER_KEYS) {
    const value = draft.mapping[key];
    const def = defaults[key];
    mapping[key] = value.group === def.group && value.tier === def.tier ? null : { group: value.group, tier: value.tier };
  }
  return {
    weights: Object.fromEntries(INTERACTION_KINDS.map((k) => [k, parseNumber(draft.weights[k])])) as Record<InteractionKind, number>,
    kAnonymity: parseNumber(draft.kAnonymity),
    bondingRequiresSameLanguage: draft.bondingRequiresSameLanguage,
    mapping,
  };
}

/** Keys whose group or tier differs from the default in a draft (marked in the form). */
export function changedKeys(mapping: Record<StakeholderKey, SectorInfo>): StakeholderKey[] {
  const defaults = defaultStakeholderMapping();
  return STAKEHOLDER_KEYS.filter((key) => mapping[key].group !== defaults[key].group || mapping[key].tier !== defaults[key].tier);
}
