import type { Language } from '../domain/languages.js';

/** Lab sessions (issue 6): planned meetings with an agenda, run live by a facilitator. */
export const RECURRENCES = ['none', 'weekly', 'biweekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const AGENDA_KINDS = ['discussion', 'reflection', 'board', 'dialogue'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** planned → live → ended; cancelled from planned. */
export const SESSION_STATUSES = ['planned', 'live', 'ended', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/** The notes of a session: the Yjs document `session-notes:<sessionId>` on the collaboration core (rich text). */
export const SESSION_NOTES_DOC_TYPE = 'session-notes';
export const sessionNotesDocName = (sessionId: string) => `${SESSION_NOTES_DOC_TYPE}:${sessionId}`;
export const SESSION_NOTES_ROOTS = { content: 'xml' } as const;

export const SESSION_LIMITS = {
  title: { min: 3, max: 120 },
  location: { max: 200 },
  durationMinutes: { min: 15, max: 600 },
  agendaItems: 30,
  itemTitle: { min: 1, max: 120 },
  itemMinutes: { min: 1, max: 240 },
  /** A recurring series creates at most this many sessions. */
  occurrences: { min: 1, max: 52 },
  groundRules: { max: 4000 },
} as const;

/**
 * The ground rules members accept once (per version) before joining a session: Chatham House by default.
 * A lab's facilitator may rewrite them; each change is a new version, and members are asked again.
 */
export const DEFAULT_GROUND_RULES: Record<Language, string> = {
  nl:
    'We volgen de Chatham House-regel: wat hier gezegd wordt, mag je gebruiken, maar nooit wie het zei. ' +
    'We spreken over situaties, niet over herkenbare personen. We luisteren, laten elkaar uitspreken en respecteren elke rol aan tafel. ' +
    'Wat een familielid of terugkeerder deelt, blijft in deze ruimte.',
  fr:
    'Nous suivons la règle de Chatham House : ce qui est dit ici peut être utilisé, jamais le nom de qui l’a dit. ' +
    'Nous parlons de situations, pas de personnes reconnaissables. Nous écoutons, nous laissons chacun terminer et respectons chaque rôle autour de la table. ' +
    'Ce qu’un proche ou une personne de retour partage reste dans cet espace.',
  en:
    'We follow the Chatham House Rule: what is said here may be used, never who said it. ' +
    'We talk about situations, not about recognisable people. We listen, let each other finish and respect every role at the table. ' +
    'What a family member or returnee shares stays in this room.',
};
