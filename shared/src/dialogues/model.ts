import { LANGUAGES, type Language } from '../domain/languages.js';
import { escapeRegExp, foldText } from '../pseudonymise/fold.js';

/**
 * Moderated dialogues (issue 6). Messages from families and returnees are moderated according to the dialogue's
 * mode; professionals' messages are published at once. Moderators are the lab's facilitators and the
 * practitioners a facilitator names moderator of the dialogue.
 */
export const MODERATION_MODES = ['pre', 'post', 'first_n'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/**
 * - `pending`: waiting for a moderator (its author sees "waiting"; nobody else but moderators sees it)
 * - `published`: visible to every participant
 * - `rejected`: refused, with a reason only its author (and moderators) see
 * - `hidden`: taken down by a moderator or by enough flags; participants see a marker, moderators the text
 * - `erased`: erased at its author's request: only an anonymous "message removed" marker is left
 */
export const MESSAGE_STATUSES = ['pending', 'published', 'rejected', 'hidden', 'erased'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MODERATION_ACTIONS = ['approve', 'reject', 'hide', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** A small fixed set: easy to read on a phone, nothing to moderate. */
export const REACTIONS = ['thumbs_up', 'heart', 'pray', 'clap', 'handshake'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const REACTION_EMOJI: Record<Reaction, string> = { thumbs_up: '👍', heart: '❤️', pray: '🙏', clap: '👏', handshake: '🤝' };

export const DIALOGUE_LIMITS = {
  title: { min: 3, max: 120 },
  groundRules: { max: 4000 },
  message: { min: 1, max: 2000 },
  rejectReason: { max: 500 },
  pauseReason: { max: 300 },
  /** first_n: how many messages of a family member or returnee are pre-moderated before they are trusted. */
  firstN: { min: 1, max: 20, default: 3 },
  slowModeSeconds: { min: 0, max: 3600 },
  flagThreshold: { min: 1, max: 20, default: 3 },
  mentionsPerMessage: 10,
  participants: 500,
  /** Per member and dialogue: messages per minute (token bucket, in memory per process). */
  messagesPerMinute: 12,
  /** Messages per page when fetching. */
  page: 200,
  watchedWord: { min: 2, max: 60 },
  watchedWordsPerLab: 500,
} as const;

export const WATCHED_ACTIONS = ['block', 'hold', 'mask'] as const;
export type WatchedAction = (typeof WATCHED_ACTIONS)[number];

export interface WatchedWord {
  /** A word or a short phrase, matched on whole words, case- and accent-insensitive. */
  word: string;
  /** null: in every language. */
  language: Language | null;
  action: WatchedAction;
}

/**
 * The short list every new lab starts with (the facilitator edits it). Threats are blocked; insults masked;
 * talk of addresses and phone numbers held for review, because families under stress share them too easily.
 */
export const DEFAULT_WATCHED_WORDS: WatchedWord[] = [
  { word: 'ik maak je af', language: 'nl', action: 'block' },
  { word: 'ik vermoord je', language: 'nl', action: 'block' },
  { word: 'klootzak', language: 'nl', action: 'mask' },
  { word: 'idioot', language: 'nl', action: 'mask' },
  { word: 'mijn adres', language: 'nl', action: 'hold' },
  { word: 'telefoonnummer', language: 'nl', action: 'hold' },
  { word: 'je vais te tuer', language: 'fr', action: 'block' },
  { word: 'connard', language: 'fr', action: 'mask' },
  { word: 'imbécile', language: 'fr', action: 'mask' },
  { word: 'mon adresse', language: 'fr', action: 'hold' },
  { word: 'numéro de téléphone', language: 'fr', action: 'hold' },
  { word: 'i will kill you', language: 'en', action: 'block' },
  { word: 'bastard', language: 'en', action: 'mask' },
  { word: 'idiot', language: 'en', action: 'mask' },
  { word: 'my address', language: 'en', action: 'hold' },
  { word: 'phone number', language: 'en', action: 'hold' },
];

export interface WatchedMatch {
  word: string;
  action: WatchedAction;
  start: number;
  end: number;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);

/**
 * Finds watched words in a message, on whole-word boundaries, case- and accent-insensitive; a space in a watched
 * phrase matches any run of whitespace (so doubling a space does not slip past a "block"). A word with a language
 * applies to messages in that language only. Pure: the web warns before sending, the server decides.
 */
export function findWatchedWords(body: string, language: Language, words: readonly WatchedWord[]): WatchedMatch[] {
  const folded = foldText(body);
  const out: WatchedMatch[] = [];
  for (const w of words) {
    if (w.language !== null && w.language !== language) continue;
    const needle = foldText(w.word.trim()).replace(/\s+/g, ' ');
    if (!needle) continue;
    const pattern = new RegExp(needle.split(' ').map(escapeRegExp).join('\\s+'), 'g');
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      const at = m.index;
      const end = at + m[0].length;
      if (!isWordChar(folded[at - 1]) && !isWordChar(folded[end])) out.push({ word: w.word, action: w.action, start: at, end });
      pattern.lastIndex = at + 1;
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The strongest action among the matches: block > hold > mask; null when none. */
export function strongestAction(matches: readonly WatchedMatch[]): WatchedAction | null {
  for (const action of ['block', 'hold', 'mask'] as const) if (matches.some((m) => m.action === action)) return action;
  return null;
}

/** The body with every masked word replaced by the same number of asterisks (foldText keeps offsets). */
export function maskWatchedWords(body: string, matches: readonly WatchedMatch[]): string {
  let out = body;
  for (const m of matches) if (m.action === 'mask') out = out.slice(0, m.start) + '*'.repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

export const DIALOGUE_LANGUAGES = LANGUAGES;
