/**
 * The plan form's data (pure): what the facilitator typed, checked with the shared schemas (the same the server
 * uses) and turned into the request, with an error per field in the user's language.
 */
import {
  DEFAULT_TIME_ZONE,
  SESSION_LIMITS,
  createSessionSchema,
  updateSessionSchema,
  type CreateSessionRequest,
  type Recurrence,
  type SessionDetail,
} from '@relab/shared';
import { agendaInput, draftFromAgenda, needsRef, type AgendaDraftItem } from './agenda.js';
import { isoToZoned, zonedToIso } from './time.js';

export interface PlanDraft {
  title: string;
  /** "2026-03-12" and "19:00", on the clocks of `timeZone`. */
  date: string;
  time: string;
  durationMinutes: string;
  timeZone: string;
  location: string;
  onlineUrl: string;
  recurrence: Recurrence;
  occurrences: string;
  agenda: AgendaDraftItem[];
}

export type PlanField = 'title' | 'date' | 'durationMinutes' | 'timeZone' | 'location' | 'onlineUrl' | 'occurrences' | 'agenda';

/** A translation key and its values, as TextField shows it. */
export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
}

export interface RowErrors {
  title?: FieldError;
  minutes?: FieldError;
  /** A case reflection, whiteboard or dialogue item that points at nothing (or at something not found). */
  ref?: FieldError;
}

export interface PlanErrors {
  fields: Partial<Record<PlanField, FieldError>>;
  /** By row key. */
  rows: Record<string, RowErrors>;
}

export type PlanResult<T> = { ok: true; body: T } | { ok: false; errors: PlanErrors };

export const DEFAULT_DURATION_MINUTES = 120;

export function emptyDraft(timeZone: string = DEFAULT_TIME_ZONE): PlanDraft {
  return {
    title: '',
    date: '',
    time: '14:00',
    durationMinutes: String(DEFAULT_DURATION_MINUTES),
    timeZone,
    location: '',
    onlineUrl: '',
    recurrence: 'none',
    occurrences: '1',
    agenda: [],
  };
}

/** The form filled in with a saved session, its date and time on the session's own clocks. */
export function draftFromSession(session: SessionDetail): PlanDraft {
  const { date, time } = isoToZoned(session.startsAt, session.timeZone);
  const minutes = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60000);
  return {
    title: session.title,
    date,
    time,
    durationMinutes: String(Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_DURATION_MINUTES),
    timeZone: session.timeZone,
    location: session.location ?? '',
    onlineUrl: session.onlineUrl ?? '',
    recurrence: session.recurrence,
    occurrences: '1',
    agenda: draftFromAgenda(session.agenda),
  };
}

/** A whole number typed in a field, NaN otherwise (the schema then refuses it). */
const integer = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function common(draft: PlanDraft) {
  return {
    title: draft.title,
    startsAt: zonedToIso(draft.date, draft.time, draft.timeZone) ?? undefined,
    durationMinutes: integer(draft.durationMinutes),
    location: orNull(draft.location),
    onlineUrl: orNull(draft.onlineUrl),
    agenda: agendaInput(draft.agenda),
  };
}

const L = SESSION_LIMITS;
const FIELD_ERRORS: Record<PlanField, FieldError> = {
  title: { key: 'sessions.plan.errors.title', values: { min: L.title.min, max: L.title.max } },
  date: { key: 'sessions.plan.errors.date' },
  durationMinutes: { key: 'sessions.plan.errors.duration', values: { min: L.durationMinutes.min, max: L.durationMinutes.max } },
  timeZone: { key: 'sessions.plan.errors.timeZone' },
  location: { key: 'sessions.plan.errors.location', values: { max: L.location.max } },
  onlineUrl: { key: 'sessions.plan.errors.onlineUrl' },
  occurrences: { key: 'sessions.plan.errors.occurrences', values: { min: L.occurrences.min, max: L.occurrences.max } },
  agenda: { key: 'sessions.plan.errors.agendaTooLong', values: { max: L.agendaItems } },
};
const ROW_ERRORS = {
  title: { key: 'sessions.plan.errors.itemTitle', values: { max: L.itemTitle.max } },
  minutes: { key: 'sessions.plan.errors.itemMinutes', values: { min: L.itemMinutes.min, max: L.itemMinutes.max } },
  ref: { key: 'sessions.plan.errors.itemRef' },
  refNotFound: { key: 'sessions.plan.errors.itemRefNotFound' },
} as const;

/** Items of a kind that points at something must point at something (the server refuses them otherwise). */
function refErrors(draft: PlanDraft, errors: PlanErrors): PlanErrors {
  for (const row of draft.agenda) {
    if (needsRef(row.kind) && !row.refId) errors.rows[row.key] = { ...errors.rows[row.key], ref: ROW_ERRORS.ref };
  }
  return errors;
}

/**
 * The rows named by the server's AGENDA_REF_INVALID refusal (details: `[{ index, reason }]`), e.g. a board deleted
 * or a reflection no longer shared while the form was open.
 */
export function rowErrorsFromRefusal(details: unknown, draft: PlanDraft): PlanErrors['rows'] {
  const rows: PlanErrors['rows'] = {};
  if (!Array.isArray(details)) return rows;
  for (const problem of details as Array<{ index?: unknown; reason?: unknown }>) {
    const row = typeof problem?.index === 'number' ? draft.agenda[problem.index] : undefined;
    if (!row) continue;
    rows[row.key] = { ...rows[row.key], ref: problem.reason === 'not_found' ? ROW_ERRORS.refNotFound : ROW_ERRORS.ref };
  }
  return rows;
}

/** Errors of a schema's issues, by field and by agenda row. */
function errorsOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>, draft: PlanDraft): PlanErrors {
  const errors: PlanErrors = { fields: {}, rows: {} };
  for (const issue of issues) {
    const [first, index, sub] = issue.path;
    if (first === 'agenda' && typeof index === 'number') {
      const row = draft.agenda[index];
      if (!row) continue;
      const which = sub === 'minutes' ? 'minutes' : 'title';
      errors.rows[row.key] = { ...errors.rows[row.key], [which]: ROW_ERRORS[which] };
      continue;
    }
    const field: PlanField | null =
      first === 'startsAt' ? 'date' : typeof first === 'string' && first in FIELD_ERRORS ? (first as PlanField) : null;
    if (field) errors.fields[field] = FIELD_ERRORS[field];
  }
  return errors;
}

/** The request planning one session, or a series (`recurrence` with `occurrences`). */
export function toCreateRequest(draft: PlanDraft): PlanResult<CreateSessionRequest> {
  const single = draft.recurrence === 'none';
  const input = {
    ...common(draft),
    timeZone: draft.timeZone,
    recurrence: draft.recurrence,
    occurrences: single ? 1 : integer(draft.occurrences),
  };
  const parsed = createSessionSchema.safeParse(input);
  const errors = refErrors(draft, parsed.success ? { fields: {}, rows: {} } : errorsOf(parsed.error.issues, draft));
  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

export type UpdateSessionBody = ReturnType<typeof updateSessionSchema.parse>;

/** The request changing a planned (or live) session: title, time, place, agenda (items keep their ids). */
export function toUpdateRequest(draft: PlanDraft): PlanResult<UpdateSessionBody> {
  const input = common(draft);
  const parsed = updateSessionSchema.safeParse(input);
  const errors = refErrors(draft, parsed.success ? { fields: {}, rows: {} } : errorsOf(parsed.error.issues, draft));
  // Every field is optional in a change, but the form always sends the date: an emptied one is a mistake.
  if (!input.startsAt) errors.fields.date = FIELD_ERRORS.date;
  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

export function hasErrors(errors: PlanErrors): boolean {
  return Object.keys(errors.fields).length > 0 || Object.keys(errors.rows).length > 0;
}
