/** The life domains a case reflection covers (see the brief's vocabulary). Also structured fields for filtering. */
export const LIFE_DOMAINS = [
  'housing',
  'work_income',
  'administrative_legal',
  'psychosocial_health',
  'family',
  'religious_spiritual',
  'education',
  'justice_follow_up',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];
