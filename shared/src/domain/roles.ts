/** A member's role inside one Living Lab. */
export const LAB_ROLES = ['facilitator', 'practitioner', 'family', 'returnee', 'observer'] as const;
export type LabRole = (typeof LAB_ROLES)[number];

/** Roles held by people who join with a code and a pseudonym, never with an e-mail address. */
export const PSEUDONYMOUS_ROLES = ['family', 'returnee'] as const satisfies readonly LabRole[];
export type PseudonymousRole = (typeof PSEUDONYMOUS_ROLES)[number];

/** Roles held by professionals, who log in with e-mail and password. */
export const PROFESSIONAL_ROLES = ['facilitator', 'practitioner', 'observer'] as const satisfies readonly LabRole[];
export type ProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];

export function isPseudonymousRole(role: LabRole): role is PseudonymousRole {
  return (PSEUDONYMOUS_ROLES as readonly LabRole[]).includes(role);
}

/** Kind of account: professionals authenticate with e-mail + password, participants with a device session or a recovery code. */
export const ACCOUNT_KINDS = ['professional', 'participant'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
