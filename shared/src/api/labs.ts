import { z } from 'zod';
import { LIMITS } from '../domain/limits.js';
import { LAB_ROLES, PROFESSIONAL_ROLES, PSEUDONYMOUS_ROLES } from '../domain/roles.js';
import { SECTOR_IDS } from '../domain/sectors.js';
import { LANGUAGES } from '../domain/languages.js';
import { languageSchema, text, uuidSchema } from './common.js';
import { emailSchema } from './auth.js';

const languagesSchema = z
  .array(languageSchema)
  .min(1)
  .max(LANGUAGES.length)
  .refine((l) => new Set(l).size === l.length, { message: 'Languages must be unique' });

/** POST /api/labs */
export const createLabRequestSchema = z.strictObject({
  name: text(LIMITS.labName.min, LIMITS.labName.max),
  languages: languagesSchema,
  description: z.string().trim().max(LIMITS.labDescription).default(''),
  groundRules: z.string().trim().max(LIMITS.labGroundRules).default(''),
});
export type CreateLabRequest = z.input<typeof createLabRequestSchema>;

/** PATCH /api/labs/:labId */
export const updateLabRequestSchema = createLabRequestSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateLabRequest = z.input<typeof updateLabRequestSchema>;

export const labSchema = z.object({
  id: z.string(),
  name: z.string(),
  languages: z.array(languageSchema),
  description: z.string(),
  groundRules: z.string(),
  createdAt: z.string(),
  myRole: z.enum(LAB_ROLES),
  memberCount: z.number(),
});
export type Lab = z.infer<typeof labSchema>;

/**
 * A member as others see them. Families and returnees appear by pseudonym only:
 * no e-mail, no municipality (it can identify someone in a small municipality).
 */
export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(LAB_ROLES),
  sector: z.enum(SECTOR_IDS).nullable(),
  language: languageSchema,
  municipality: z.string().nullable(),
  /** Only shown to facilitators, and only for professionals. */
  email: z.string().nullable(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

/** PATCH /api/labs/:labId/members/:memberId */
export const updateMemberRequestSchema = z
  .strictObject({ role: z.enum(LAB_ROLES).optional(), sector: z.enum(SECTOR_IDS).nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateMemberRequest = z.input<typeof updateMemberRequestSchema>;

/** POST /api/labs/:labId/invitations */
export const createInvitationRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('professional'),
    email: emailSchema,
    role: z.enum(PROFESSIONAL_ROLES),
    sector: z.enum(SECTOR_IDS).optional(),
    language: languageSchema.optional(),
    /** Straight into this moderated dialogue of the lab: the invitee becomes its participant on joining. */
    dialogueId: uuidSchema.nullable().optional(),
  }),
  z.strictObject({
    kind: z.literal('participant'),
    role: z.enum(PSEUDONYMOUS_ROLES),
    language: languageSchema.optional(),
    /** Straight into this moderated dialogue of the lab: the invitee becomes its participant on joining. */
    dialogueId: uuidSchema.nullable().optional(),
  }),
]);
export type CreateInvitationRequest = z.input<typeof createInvitationRequestSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  kind: z.enum(['professional', 'participant']),
  role: z.enum(LAB_ROLES),
  email: z.string().nullable(),
  sector: z.enum(SECTOR_IDS).nullable(),
  status: z.enum(['pending', 'used', 'revoked', 'expired']),
  /** The moderated dialogue the invitee enters on joining (null: the lab only). */
  dialogueId: z.string().nullable().optional(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Response of creating an invitation: the secret is returned exactly once. */
export interface CreatedInvitation {
  invitation: Invitation;
  /** Short join code (participants) — readable aloud, e.g. "K7QM-4TXZ". */
  code?: string;
  /** Path of the link to send: `/join/CODE` or `/invite/TOKEN`. */
  link: string;
}
