/**
 * Stakeholder groups and power tiers, from social-capital theory (bonding / bridging / linking):
 * a tie inside one group is bonding, across groups at the same tier bridging, across tiers linking.
 */
export const STAKEHOLDER_GROUPS = [
  'justice', 'corrections', 'probation', 'police', 'prevention', 'social', 'health',
  'religious', 'civil_society', 'research', 'family', 'returnee',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** 1 = community, 2 = frontline professional, 3 = institutional authority. */
export const POWER_TIERS = { community: 1, professional: 2, authority: 3 } as const;
export type PowerTier = (typeof POWER_TIERS)[keyof typeof POWER_TIERS];

export interface SectorInfo {
  group: StakeholderGroup;
  tier: PowerTier;
}

/** Sectors a practitioner can belong to, each with its stakeholder group and power tier. */
export const SECTORS = {
  judge: { group: 'justice', tier: 3 },
  prosecutor: { group: 'justice', tier: 3 },
  lawyer: { group: 'justice', tier: 2 },
  justice_assistant: { group: 'probation', tier: 2 },
  prison_director: { group: 'corrections', tier: 3 },
  prison_staff: { group: 'corrections', tier: 3 },
  local_police: { group: 'police', tier: 3 },
  prevention_worker: { group: 'prevention', tier: 2 },
  social_worker: { group: 'social', tier: 2 },
  psychologist: { group: 'health', tier: 2 },
  religious_counsellor: { group: 'religious', tier: 2 },
  civil_society: { group: 'civil_society', tier: 1 },
  researcher: { group: 'research', tier: 2 },
} as const satisfies Record<string, SectorInfo>;
export type Sector = keyof typeof SECTORS;
export const SECTOR_IDS = Object.keys(SECTORS) as [Sector, ...Sector[]];

/** Stakeholder group and tier of a member: by sector for professionals, by role for families and returnees. */
export function stakeholderOf(member: { role: string; sector?: Sector | null }): SectorInfo | null {
  if (member.role === 'family') return { group: 'family', tier: 1 };
  if (member.role === 'returnee') return { group: 'returnee', tier: 1 };
  return member.sector ? SECTORS[member.sector] : null;
}
