import { z } from 'zod';
import { LIMITS } from '../domain/limits.js';
import { ACCOUNT_KINDS, LAB_ROLES } from '../domain/roles.js';
import { SECTOR_IDS } from '../domain/sectors.js';
import { languageSchema, text } from './common.js';

export const emailSchema = z.email().max(LIMITS.email).transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(LIMITS.password.min).max(LIMITS.password.max);
export const displayNameSchema = text(LIMITS.displayName.min, LIMITS.displayName.max);

/** POST /api/auth/login */
export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  // No minimum on login: old or wrong passwords get INVALID_CREDENTIALS, not a hint about rules.
  password: z.string().min(1).max(LIMITS.password.max),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** POST /api/auth/join — a family member or returnee redeems a join code. */
export const joinRequestSchema = z.strictObject({
  code: z.string().trim().min(4).max(64),
  displayName: displayNameSchema,
  language: languageSchema,
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** POST /api/auth/recover — a participant comes back on a new device with the recovery code. */
export const recoverRequestSchema = z.strictObject({ recoveryCode: z.string().trim().min(8).max(64) });
export type RecoverRequest = z.input<typeof recoverRequestSchema>;

/** POST /api/auth/accept-invitation — a professional accepts an e-mail invitation. */
export const acceptInvitationRequestSchema = z.strictObject({
  token: z.string().trim().min(16).max(128),
  displayName: displayNameSchema.optional(),
  password: passwordSchema.optional(),
  language: languageSchema.optional(),
});
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequestSchema>;

/** PATCH /api/me */
export const updateMeRequestSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    language: languageSchema.optional(),
    municipality: z.string().trim().max(LIMITS.municipality).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateMeRequest = z.input<typeof updateMeRequestSchema>;

export const meSchema = z.object({
  id: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  displayName: z.string(),
  email: z.string().nullable(),
  language: languageSchema,
  municipality: z.string().nullable(),
  sector: z.enum(SECTOR_IDS).nullable(),
  canCreateLabs: z.boolean(),
  isAdmin: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** Response of login, join, recover, accept-invitation and GET /api/auth/session. */
export interface SessionResponse {
  user: Me;
  /** Echo it in the X-CSRF-Token header of every state-changing request. */
  csrfToken: string;
  /** Only on join (and recover, which rotates it): shown once, never stored in clear. */
  recoveryCode?: string;
  /** Only on join or accept-invitation: the lab just joined. */
  labId?: string;
  /** Only on join with an invitation into a moderated dialogue: that dialogue (go straight there). */
  dialogueId?: string | null;
}

export const invitationPreviewSchema = z.object({
  labName: z.string(),
  role: z.enum(LAB_ROLES),
  kind: z.enum(['professional', 'participant']),
  expiresAt: z.string(),
  /** For professional invitations: whether an account with the invited e-mail already exists. */
  accountExists: z.boolean().optional(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Header carrying the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';
