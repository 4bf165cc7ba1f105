/** Limits shared by server (enforced) and web (shown in forms). */
export const LIMITS = {
  /** Largest JSON body the REST API accepts, in bytes. */
  maxJsonBodyBytes: 64 * 1024,
  labName: { min: 2, max: 120 },
  labDescription: 4000,
  labGroundRules: 8000,
  displayName: { min: 2, max: 40 },
  municipality: 80,
  password: { min: 12, max: 256 },
  email: 254,
  /** Days a professional e-mail invitation stays valid. */
  professionalInvitationDays: 14,
  /** Days a family/returnee join code stays valid. */
  participantInvitationDays: 7,
} as const;
