import { z } from 'zod';
import { LIFE_DOMAINS } from '../domain/life-domains.js';
import { LANGUAGES } from '../domain/languages.js';
import { SECTOR_IDS } from '../domain/sectors.js';
import { DETECTION_KINDS } from '../pseudonymise/index.js';
import { languageSchema, text, uuidSchema } from './common.js';

/** Limits of case reflections, enforced by the server and shown by the web. */
export const REFLECTION_LIMITS = {
  title: { min: 3, max: 160 },
  tags: 12,
  tag: 40,
  /** Names the author asks RELAB to look for (people, places, organisations). */
  names: 60,
  name: 120,
  pseudonyms: 500,
  dismissed: 500,
  sections: 10,
  sectionTitle: 120,
  reviewNote: 1000,
  commentBody: 4000,
  commentQuote: 300,
  mentions: 20,
  /** Longest paste the editor accepts in one go, in characters. */
  maxPasteChars: 20_000,
  /** Largest single change the server accepts into a reflection (a paste, a restore), in bytes of Yjs update. */
  maxUpdateBytes: 256 * 1024,
  /** Most text one reflection (or one restricted section) may hold, in characters. */
  maxDocumentChars: 200_000,
  templateSections: 24,
  templateText: 400,
} as const;

export const REFLECTION_STATUSES = ['draft', 'in_review', 'shared'] as const;
export type ReflectionStatus = (typeof REFLECTION_STATUSES)[number];

/** Yjs document types of reflections on the collaboration core. */
export const REFLECTION_DOC_TYPE = 'reflection';
export const REFLECTION_SECTION_DOC_TYPE = 'reflection-section';
export const reflectionDocName = (id: string) => `${REFLECTION_DOC_TYPE}:${id}`;
export const sectionDocName = (id: string) => `${REFLECTION_SECTION_DOC_TYPE}:${id}`;
/** Roots of a reflection document: the text (Tiptap) and the comment threads. Sections only have text. */
export const REFLECTION_ROOTS = { content: 'xml', comments: 'map' } as const;
export const SECTION_ROOTS = { content: 'xml' } as const;

const tagSchema = z.string().trim().min(1).max(REFLECTION_LIMITS.tag);
const uniq = <T>(a: T[]) => new Set(a).size === a.length;
const lifeDomainsSchema = z.array(z.enum(LIFE_DOMAINS)).max(LIFE_DOMAINS.length).refine(uniq, { message: 'Life domains must be unique' });
const tagsSchema = z.array(tagSchema).max(REFLECTION_LIMITS.tags).refine(uniq, { message: 'Tags must be unique' });

/** POST /api/labs/:labId/reflections */
export const createReflectionSchema = z.strictObject({
  title: text(REFLECTION_LIMITS.title.min, REFLECTION_LIMITS.title.max),
  language: languageSchema,
  lifeDomains: lifeDomainsSchema.default([]),
  tags: tagsSchema.default([]),
});
export type CreateReflectionRequest = z.input<typeof createReflectionSchema>;

/** PATCH /api/labs/:labId/reflections/:id */
export const updateReflectionSchema = z
  .strictObject({
    title: text(REFLECTION_LIMITS.title.min, REFLECTION_LIMITS.title.max),
    lifeDomains: lifeDomainsSchema,
    tags: tagsSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateReflectionRequest = z.input<typeof updateReflectionSchema>;

/** GET /api/labs/:labId/reflections?domain=&tag=&status= */
export const listReflectionsQuerySchema = z.strictObject({
  domain: z.enum(LIFE_DOMAINS).optional(),
  tag: tagSchema.optional(),
  status: z.enum(REFLECTION_STATUSES).optional(),
});

const restrictionFields = {
  title: text(1, REFLECTION_LIMITS.sectionTitle),
  /** Sectors (professions) that may open the section, e.g. only psychologists. */
  allowedSectors: z.array(z.enum(SECTOR_IDS)).max(SECTOR_IDS.length).refine(uniq, { message: 'Sectors must be unique' }),
  /** Members (user ids) that may open the section. */
  allowedUserIds: z.array(uuidSchema).max(100).refine(uniq, { message: 'Members must be unique' }),
};
/** POST /api/labs/:labId/reflections/:id/sections: a need-to-know section, kept in its own document. */
export const createSectionSchema = z
  .strictObject(restrictionFields)
  .refine((v) => v.allowedSectors.length + v.allowedUserIds.length > 0, { message: 'Name at least one sector or member' });
export type CreateSectionRequest = z.input<typeof createSectionSchema>;
/** PATCH /api/labs/:labId/reflections/:id/sections/:sectionId */
export const updateSectionSchema = z
  .strictObject(restrictionFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateSectionRequest = z.input<typeof updateSectionSchema>;

const pseudonymEntrySchema = z.strictObject({
  key: z.string().min(1).max(400),
  kind: z.enum(DETECTION_KINDS),
  real: z.string().min(1).max(400),
  pseudonym: z.string().min(1).max(80),
});
const dismissedSchema = z.strictObject({ key: z.string().min(1).max(400), kind: z.enum(DETECTION_KINDS) });

/**
 * The author's key of a reflection: the names RELAB looks for, the pseudonyms given to real details, and the
 * details marked "not identifying". Stored encrypted (AES-256-GCM); only the author can read or write it.
 * PUT /api/labs/:labId/reflections/:id/key
 */
export const reflectionKeySchema = z.strictObject({
  names: z.array(text(2, REFLECTION_LIMITS.name)).max(REFLECTION_LIMITS.names),
  pseudonyms: z
    .array(pseudonymEntrySchema)
    .max(REFLECTION_LIMITS.pseudonyms)
    .refine((a) => uniq(a.map((e) => e.key)), { message: 'One pseudonym per key' }),
  dismissed: z.array(dismissedSchema).max(REFLECTION_LIMITS.dismissed),
});
export type ReflectionKey = z.infer<typeof reflectionKeySchema>;
export const EMPTY_REFLECTION_KEY: ReflectionKey = { names: [], pseudonyms: [], dismissed: [] };

/** POST /api/labs/:labId/reflections/:id/review: the author asks a second practitioner to approve sharing. */
export const requestReviewSchema = z.strictObject({ reviewerId: uuidSchema });
export type RequestReviewRequest = z.input<typeof requestReviewSchema>;
/** POST /api/labs/:labId/reflections/:id/review/return: the reviewer sends it back (or the author withdraws it). */
export const returnReviewSchema = z.strictObject({ note: z.string().trim().max(REFLECTION_LIMITS.reviewNote).default('') });
export type ReturnReviewRequest = z.input<typeof returnReviewSchema>;

/** PUT /api/labs/:labId/reflection-template (facilitators). */
const localisedSchema = z.strictObject(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().max(REFLECTION_LIMITS.templateText)])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodString
  >,
);
export const reflectionTemplateSchema = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        heading: localisedSchema.refine((h) => Object.values(h).every((s) => s.length > 0), { message: 'A heading in every language' }),
        prompt: localisedSchema,
        lifeDomain: z.enum(LIFE_DOMAINS).nullable(),
      }),
    )
    .min(1)
    .max(REFLECTION_LIMITS.templateSections),
});

export interface PersonRef {
  userId: string;
  displayName: string;
}

export interface ReflectionSummary {
  id: string;
  labId: string;
  title: string;
  status: ReflectionStatus;
  language: (typeof LANGUAGES)[number];
  lifeDomains: (typeof LIFE_DOMAINS)[number][];
  tags: string[];
  author: PersonRef;
  reviewer: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  sharedAt: string | null;
}

export interface ReflectionSection {
  id: string;
  title: string;
  docName: string;
  allowedSectors: (typeof SECTOR_IDS)[number][];
  allowedUserIds: string[];
  myAccess: 'read' | 'write';
}

export interface ReflectionDetail extends ReflectionSummary {
  docName: string;
  isAuthor: boolean;
  isReviewer: boolean;
  myAccess: 'read' | 'write';
  /** Only the sections this member may open. */
  sections: ReflectionSection[];
  approvedBy: PersonRef | null;
  /** Why the reviewer sent it back (shown to the author). */
  reviewNote: string | null;
}

/** What the reviewer gets back after sending a draft back: it is the author's alone again. */
export interface ReturnedReflection {
  id: string;
  status: 'draft';
}

/** One detail the gate still found: shown to the author (and the reviewer) so they can resolve it. */
export interface RemainingDetection {
  kind: (typeof DETECTION_KINDS)[number];
  text: string;
  key: string;
  /** Where: 'title', the main text, or a section id. */
  where: 'title' | 'content' | string;
}
/** `details` of a REFLECTION_HAS_DETECTIONS error. */
export interface GateRefusal {
  remaining: RemainingDetection[];
}

/** GET .../readers: who opened the reflection (author only), from the audit log. */
export interface ReflectionReader {
  userId: string;
  displayName: string;
  opens: number;
  lastOpenedAt: string;
}

/**
 * Comment threads live in the reflection's `comments` map, so they are live and versioned with the text.
 * Keys: `t:<threadId>` a thread's first comment, `r:<threadId>:<replyId>` a reply, `s:<threadId>` resolved or not.
 * The server refuses entries that break this schema or claim another author (see ADR 0006).
 * The commented text range carries a `comment` mark with the thread id.
 */
const commentBase = {
  id: uuidSchema,
  authorId: uuidSchema,
  authorName: z.string().min(1).max(80),
  body: z.string().trim().min(1).max(REFLECTION_LIMITS.commentBody),
  mentions: z.array(uuidSchema).max(REFLECTION_LIMITS.mentions),
  createdAt: z.iso.datetime(),
};
export const commentThreadSchema = z.strictObject({ ...commentBase, quote: z.string().max(REFLECTION_LIMITS.commentQuote) });
export const commentReplySchema = z.strictObject({ ...commentBase, threadId: uuidSchema });
export const commentResolutionSchema = z.strictObject({ threadId: uuidSchema, resolved: z.boolean(), authorId: uuidSchema, at: z.iso.datetime() });
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type CommentReply = z.infer<typeof commentReplySchema>;
export type CommentResolution = z.infer<typeof commentResolutionSchema>;

export type CommentEntry =
  | { type: 'thread'; key: string; value: CommentThread }
  | { type: 'reply'; key: string; value: CommentReply }
  | { type: 'resolution'; key: string; value: CommentResolution };

export const commentKeys = {
  thread: (threadId: string) => `t:${threadId}`,
  reply: (threadId: string, replyId: string) => `r:${threadId}:${replyId}`,
  resolution: (threadId: string) => `s:${threadId}`,
};

/** Parses one entry of the comments map, or null when its key or value breaks the schema. */
export function parseCommentEntry(key: unknown, value: unknown): CommentEntry | null {
  if (typeof key !== 'string' || key.length > 200) return null;
  const [prefix, a, b, ...rest] = key.split(':');
  if (rest.length > 0) return null;
  if (prefix === 't' && a && b === undefined) {
    const r = commentThreadSchema.safeParse(value);
    return r.success && r.data.id === a ? { type: 'thread', key, value: r.data } : null;
  }
  if (prefix === 'r' && a && b) {
    const r = commentReplySchema.safeParse(value);
    return r.success && r.data.threadId === a && r.data.id === b ? { type: 'reply', key, value: r.data } : null;
  }
  if (prefix === 's' && a && b === undefined) {
    const r = commentResolutionSchema.safeParse(value);
    return r.success && r.data.threadId === a ? { type: 'resolution', key, value: r.data } : null;
  }
  return null;
}
