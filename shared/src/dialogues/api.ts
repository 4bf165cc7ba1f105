import { z } from 'zod';
import { languageSchema, text, uuidSchema } from '../api/common.js';
import type { Language } from '../domain/languages.js';
import type { LabRole } from '../domain/roles.js';
import {
  DIALOGUE_LIMITS,
  MODERATION_ACTIONS,
  MODERATION_MODES,
  REACTIONS,
  WATCHED_ACTIONS,
  type MessageStatus,
  type ModerationMode,
  type Reaction,
  type WatchedWord,
} from './model.js';

/*
 * REST contract of moderated dialogues, under /api/labs/:labId/dialogues (issue 6, ADR 0008).
 *
 *   GET    /                                   DialogueSummary[]   dialogues I take part in or moderate (facilitators: all)
 *   POST   /                                   DialogueDetail      facilitators: open a dialogue
 *   GET    /:id                                DialogueDetail
 *   PATCH  /:id                                DialogueDetail      moderators: mode, slow mode, pause…; facilitators: title, ground rules
 *   POST   /:id/participants                   DialogueDetail      facilitators: add members (optionally as moderators)
 *   DELETE /:id/participants/:memberId         204                 facilitators, or the member themself (leave)
 *   POST   /:id/consent                        DialogueDetail      accept the current ground rules (version)
 *   GET    /:id/messages?since=<rev>           MessagesPage        what changed after rev (0: everything), in rev order
 *   POST   /:id/messages                       DialogueMessage     idempotent by clientId (201 new, 200 already stored)
 *   POST   /:id/messages/:messageId/moderation DialogueMessage     moderators: approve / reject (reason) / hide / restore
 *   PUT    /:id/messages/:messageId/reactions/:reaction    DialogueMessage
 *   DELETE /:id/messages/:messageId/reactions/:reaction    DialogueMessage
 *   POST   /:id/messages/:messageId/flag       DialogueMessage     once per member; N flags hide it pending review
 *   GET    /:id/moderation                     ModerationQueue     moderators
 *   POST   /:id/erase-mine                     EraseResult         erase all my messages here, and leave
 *   GET    /api/labs/:labId/watched-words      WatchedWord[]       facilitators
 *   PUT    /api/labs/:labId/watched-words      WatchedWord[]       facilitators: replace the list
 *
 * Realtime: `/live` topics `dialogue:<id>` (participants) and `dialogue-mod:<id>` (moderators) only notify.
 */

const memberIds = z.array(uuidSchema).max(DIALOGUE_LIMITS.participants);

/** NUL cannot be stored in PostgreSQL text, and other control characters (but tab and line breaks) have no place here. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = <S extends z.ZodString>(s: S) => s.refine((v) => !CONTROL.test(v), { message: 'Control characters are not allowed' });
/** Trimmed text of bounded length without control characters. */
const plain = (min: number, max: number) => noControl(text(min, max));
const languagesSchema = z
  .array(languageSchema)
  .min(1)
  .max(3)
  .refine((l) => new Set(l).size === l.length, { message: 'Languages must be unique' });

export const createDialogueSchema = z.strictObject({
  title: plain(DIALOGUE_LIMITS.title.min, DIALOGUE_LIMITS.title.max),
  /** Ground rules shown before anyone writes; each change asks participants to accept them again. */
  groundRules: plain(1, DIALOGUE_LIMITS.groundRules.max),
  /** The languages of the dialogue (participants write in their own; this tells who to expect). */
  languages: languagesSchema,
  mode: z.enum(MODERATION_MODES).default('pre'),
  firstN: z.number().int().min(DIALOGUE_LIMITS.firstN.min).max(DIALOGUE_LIMITS.firstN.max).default(DIALOGUE_LIMITS.firstN.default),
  slowModeSeconds: z.number().int().min(DIALOGUE_LIMITS.slowModeSeconds.min).max(DIALOGUE_LIMITS.slowModeSeconds.max).default(0),
  flagThreshold: z.number().int().min(DIALOGUE_LIMITS.flagThreshold.min).max(DIALOGUE_LIMITS.flagThreshold.max).default(DIALOGUE_LIMITS.flagThreshold.default),
  participantIds: memberIds.default([]),
  /** Practitioners named moderators (facilitators always moderate). */
  moderatorIds: memberIds.default([]),
});
export type CreateDialogueRequest = z.input<typeof createDialogueSchema>;

export const updateDialogueSchema = z
  .strictObject({
    title: plain(DIALOGUE_LIMITS.title.min, DIALOGUE_LIMITS.title.max),
    groundRules: plain(1, DIALOGUE_LIMITS.groundRules.max),
    languages: languagesSchema,
    mode: z.enum(MODERATION_MODES),
    firstN: z.number().int().min(DIALOGUE_LIMITS.firstN.min).max(DIALOGUE_LIMITS.firstN.max),
    slowModeSeconds: z.number().int().min(DIALOGUE_LIMITS.slowModeSeconds.min).max(DIALOGUE_LIMITS.slowModeSeconds.max),
    flagThreshold: z.number().int().min(DIALOGUE_LIMITS.flagThreshold.min).max(DIALOGUE_LIMITS.flagThreshold.max),
    paused: z.boolean(),
    /** Shown to participants while paused (optional). */
    pauseReason: noControl(z.string().trim().max(DIALOGUE_LIMITS.pauseReason.max)).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type UpdateDialogueRequest = z.input<typeof updateDialogueSchema>;

export const addParticipantsSchema = z.strictObject({
  memberIds: z.array(uuidSchema).min(1).max(DIALOGUE_LIMITS.participants),
  moderator: z.boolean().default(false),
});

export const consentSchema = z.strictObject({ version: z.number().int().min(1) });

export const sendMessageSchema = z.strictObject({
  /** Made by the client before the first try; a retry with the same id never stores a second message. */
  clientId: uuidSchema,
  body: plain(DIALOGUE_LIMITS.message.min, DIALOGUE_LIMITS.message.max),
  language: languageSchema,
  replyTo: uuidSchema.nullable().default(null),
  /** Participants mentioned (member ids). */
  mentions: z.array(uuidSchema).max(DIALOGUE_LIMITS.mentionsPerMessage).default([]),
});
export type SendMessageRequest = z.input<typeof sendMessageSchema>;

export const moderateSchema = z
  .strictObject({
    action: z.enum(MODERATION_ACTIONS),
    /** Required to reject: shown to the author only. */
    reason: plain(1, DIALOGUE_LIMITS.rejectReason.max).optional(),
  })
  .refine((v) => v.action !== 'reject' || !!v.reason, { message: 'A rejection needs a reason', path: ['reason'] });
export type ModerateRequest = z.input<typeof moderateSchema>;

export const reactionSchema = z.enum(REACTIONS);
export const messagesQuerySchema = z.strictObject({ since: z.coerce.number().int().min(0).default(0) });

export const watchedWordSchema = z.strictObject({
  word: plain(DIALOGUE_LIMITS.watchedWord.min, DIALOGUE_LIMITS.watchedWord.max),
  language: languageSchema.nullable(),
  action: z.enum(WATCHED_ACTIONS),
});
export const watchedWordsSchema = z.strictObject({ words: z.array(watchedWordSchema).max(DIALOGUE_LIMITS.watchedWordsPerLab) });

export interface DialogueParticipant {
  memberId: string;
  /** Pseudonym for families and returnees. */
  displayName: string;
  role: LabRole;
  moderator: boolean;
}

export interface DialogueSummary {
  id: string;
  labId: string;
  title: string;
  languages: Language[];
  mode: ModerationMode;
  paused: boolean;
  participantCount: number;
  /** Latest change (rev) and when; for "new" badges. */
  rev: number;
  lastMessageAt: string | null;
  createdAt: string;
}

export interface DialogueDetail extends DialogueSummary {
  groundRules: string;
  groundRulesVersion: number;
  firstN: number;
  slowModeSeconds: number;
  flagThreshold: number;
  pauseReason: string | null;
  participants: DialogueParticipant[];
  me: {
    memberId: string;
    participant: boolean;
    moderator: boolean;
    /** The ground-rules version I accepted (null: never); writing needs the current one. */
    consentedVersion: number | null;
    /** Whether my next messages wait for a moderator. */
    moderated: boolean;
  };
}

export interface MessageAuthor {
  memberId: string;
  displayName: string;
  role: LabRole;
}

export interface DialogueMessage {
  id: string;
  /** Position in the dialogue (creation order). */
  seq: number;
  /** Last change to this message, dialogue-wide increasing: fetch `since` the highest you hold. */
  rev: number;
  status: MessageStatus;
  /** null once erased. */
  author: MessageAuthor | null;
  mine: boolean;
  /** Only for my own messages. */
  clientId: string | null;
  /** null when hidden (for non-moderators) or erased. */
  body: string | null;
  /** The language the author wrote in; null once erased. */
  language: Language | null;
  replyTo: string | null;
  mentions: Array<{ memberId: string; displayName: string }>;
  reactions: Partial<Record<Reaction, number>>;
  myReactions: Reaction[];
  flaggedByMe: boolean;
  /** Moderators only (0 for others). */
  flagCount: number;
  /** Author and moderators only. */
  rejectReason: string | null;
  /** Why it waits (author and moderators): watched word held, first messages, pre-moderation, flags. */
  heldBecause: 'pre' | 'first_n' | 'watched_word' | 'flags' | null;
  createdAt: string;
  moderatedAt: string | null;
}

export interface MessagesPage {
  /**
   * Where to fetch from next: when `more`, the rev of the last message included; otherwise the dialogue's current
   * rev, which the answer is complete up to (changes you may not see are skipped over, so this can be above the
   * highest rev included).
   */
  rev: number;
  messages: DialogueMessage[];
  /** More changes than one page: fetch again since `rev`. */
  more: boolean;
}

export interface ModerationQueue {
  pending: DialogueMessage[];
  /** Hidden by flags, waiting for a moderator to restore or keep hidden. */
  flagged: DialogueMessage[];
}

export interface EraseResult {
  erased: number;
}

export type { WatchedWord };
