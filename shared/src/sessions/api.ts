import { z } from 'zod';
import { languageSchema, text, uuidSchema } from '../api/common.js';
import type { Language } from '../domain/languages.js';
import type { LabRole } from '../domain/roles.js';
import type { StakeholderGroup } from '../domain/sectors.js';
import { AGENDA_KINDS, DEFAULT_TIME_ZONE, RECURRENCES, SESSION_LIMITS, type AgendaKind, type Recurrence, type SessionStatus } from './model.js';

/*
 * REST contract of lab sessions, under /api/labs/:labId (issue 6, ADR 0009).
 *
 *   GET    /ground-rules                      GroundRules        the lab's current ground rules (all languages)
 *   PUT    /ground-rules                      GroundRules        facilitators: new texts → new version
 *   GET    /sessions?when=upcoming|past        SessionSummary[]
 *   GET    /sessions/calendar.ics              text/calendar      every upcoming session of the lab
 *   POST   /sessions                          SessionSummary[]   facilitators: one session, or a recurring series
 *   GET    /sessions/:id                      SessionDetail
 *   PATCH  /sessions/:id                      SessionDetail      facilitators (not once ended)
 *   POST   /sessions/:id/cancel               SessionDetail      facilitators (planned only)
 *   GET    /sessions/:id/calendar.ics         text/calendar
 *   POST   /sessions/:id/consent              SessionDetail      accept the lab's current ground rules (version)
 *   POST   /sessions/:id/live/start           LiveState          facilitators
 *   POST   /sessions/:id/live/item            LiveState          facilitators: { itemId } becomes the current item
 *   POST   /sessions/:id/live/timer           LiveState          facilitators: { action: start | pause | reset, seconds? }
 *   POST   /sessions/:id/live/bring           204                facilitators: { itemId } everyone is taken there
 *   POST   /sessions/:id/live/hand            LiveState          me: { raised }
 *   POST   /sessions/:id/live/hands/:memberId/lower  LiveState  facilitators
 *   POST   /sessions/:id/live/end             SessionReport      facilitators: ends it, versions every document touched
 *   GET    /sessions/:id/report               SessionReport      (ended sessions)
 *   GET    /sessions/:id/report.md?language=  text/markdown
 *   GET    /sessions/:id/report.pdf?language= application/pdf
 *
 * Realtime: `/live` topic `session:<id>` (members who consented) carries `session.state` and `session.bring`,
 * and tracks presence. The notes are the Yjs document `session-notes:<id>` on the collaboration core.
 */

export const agendaItemInputSchema = z.strictObject({
  /** Kept when editing an existing item; new items get one from the server. */
  id: uuidSchema.optional(),
  title: text(SESSION_LIMITS.itemTitle.min, SESSION_LIMITS.itemTitle.max),
  minutes: z.number().int().min(SESSION_LIMITS.itemMinutes.min).max(SESSION_LIMITS.itemMinutes.max),
  kind: z.enum(AGENDA_KINDS),
  /** The reflection, board or dialogue it points at (null for free discussion); must be of this lab. */
  refId: uuidSchema.nullable().default(null),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone');

export const createSessionSchema = z.strictObject({
  title: text(SESSION_LIMITS.title.min, SESSION_LIMITS.title.max),
  /** ISO 8601 with an offset or Z. */
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(SESSION_LIMITS.durationMinutes.min).max(SESSION_LIMITS.durationMinutes.max),
  /** The time zone the series recurs in (a weekly 19:00 stays 19:00 across daylight saving). */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  location: z.string().trim().max(SESSION_LIMITS.location.max).nullable().default(null),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  recurrence: z.enum(RECURRENCES).default('none'),
  occurrences: z.number().int().min(SESSION_LIMITS.occurrences.min).max(SESSION_LIMITS.occurrences.max).default(1),
  agenda: z.array(agendaItemInputSchema).max(SESSION_LIMITS.agendaItems).default([]),
});
export type CreateSessionRequest = z.input<typeof createSessionSchema>;

export const updateSessionSchema = z
  .strictObject({
    title: text(SESSION_LIMITS.title.min, SESSION_LIMITS.title.max),
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(SESSION_LIMITS.durationMinutes.min).max(SESSION_LIMITS.durationMinutes.max),
    location: z.string().trim().max(SESSION_LIMITS.location.max).nullable(),
    onlineUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
    agenda: z.array(agendaItemInputSchema).max(SESSION_LIMITS.agendaItems),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const groundRulesSchema = z.strictObject({
  texts: z.strictObject({
    nl: text(1, SESSION_LIMITS.groundRules.max),
    fr: text(1, SESSION_LIMITS.groundRules.max),
    en: text(1, SESSION_LIMITS.groundRules.max),
  }),
});
export const sessionConsentSchema = z.strictObject({ version: z.number().int().min(1) });
export const liveItemSchema = z.strictObject({ itemId: uuidSchema });
export const liveTimerSchema = z.strictObject({
  action: z.enum(['start', 'pause', 'reset']),
  /** For start/reset: the timer's length (default: the item's minutes). */
  seconds: z.number().int().min(10).max(4 * 3600).optional(),
});
export const liveHandSchema = z.strictObject({ raised: z.boolean() });
export const sessionsQuerySchema = z.strictObject({ when: z.enum(['upcoming', 'past']).default('upcoming') });
/** The report's language; without one, the reader's own language. */
export const reportQuerySchema = z.strictObject({ language: languageSchema.optional() });

export interface GroundRules {
  version: number;
  texts: Record<Language, string>;
  updatedAt: string;
}

export interface AgendaItem {
  id: string;
  title: string;
  minutes: number;
  kind: AgendaKind;
  refId: string | null;
  /** Title of what it points at (as the viewer may see it), null when gone or not visible. */
  refTitle: string | null;
}

export interface SessionSummary {
  id: string;
  labId: string;
  /** Sessions created together as one recurring series share it. */
  seriesId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
  recurrence: Recurrence;
  status: SessionStatus;
}

export interface LiveTimer {
  running: boolean;
  /** When running: when it reaches zero. */
  endsAt: string | null;
  /** When paused: what is left; when running: what was left at `serverNow`. */
  remainingSeconds: number;
  totalSeconds: number;
}

export interface RaisedHand {
  memberId: string;
  displayName: string;
  raisedAt: string;
}

export interface LiveState {
  sessionId: string;
  status: SessionStatus;
  currentItemId: string | null;
  itemStartedAt: string | null;
  timer: LiveTimer | null;
  /** In the order they were raised. */
  hands: RaisedHand[];
  coveredItemIds: string[];
  startedAt: string | null;
  endedAt: string | null;
  /** The server's clock when this state was made, so clients can correct theirs. */
  serverNow: string;
}

export interface SessionDetail extends SessionSummary {
  agenda: AgendaItem[];
  live: LiveState;
  notesDocName: string;
  groundRules: GroundRules;
  me: {
    memberId: string;
    role: LabRole;
    facilitator: boolean;
    /** The ground-rules version I accepted (null: never); joining the live room needs the current one. */
    consentedVersion: number | null;
  };
}

export interface AttendanceEntry {
  memberId: string;
  /** Pseudonym for families and returnees. */
  displayName: string;
  role: LabRole;
  group: StakeholderGroup | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface SessionReport {
  session: SessionSummary;
  /** Attendance grouped by stakeholder group (families by pseudonym). */
  attendance: Array<{ group: StakeholderGroup | 'unknown'; members: AttendanceEntry[] }>;
  itemsCovered: Array<{ itemId: string; title: string; kind: AgendaKind; startedAt: string; minutes: number }>;
  /** The automatic version saved of each document touched (notes, and the reflections and boards on the agenda). */
  versions: Array<{ docName: string; title: string; versionId: string | null }>;
  startedAt: string | null;
  endedAt: string | null;
}
