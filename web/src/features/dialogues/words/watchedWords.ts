/**
 * The watched-words editor's draft: rows as typed, checked the way the server checks them (length) plus duplicates
 * (the same word, ignoring case and accents, in the same language), and turned into the list the API replaces.
 */
import { DIALOGUE_LIMITS, LANGUAGES, WATCHED_ACTIONS, type Language, type WatchedAction, type WatchedWord } from '@relab/shared';

export interface WordDraft {
  /** Stable row key (React, focus, error ids). */
  key: string;
  word: string;
  /** '' = in every language. */
  language: Language | '';
  action: WatchedAction;
}

export type WordError = 'short' | 'long' | 'duplicate';

let next = 0;
const newKey = () => `w${++next}`;

export function draftsFrom(words: readonly WatchedWord[]): WordDraft[] {
  return words.map((w) => ({ key: newKey(), word: w.word, language: w.language ?? '', action: w.action }));
}

/** An empty row, held for review by default (the least final of the actions). */
export function emptyDraft(language: Language | '' = ''): WordDraft {
  return { key: newKey(), word: '', language, action: 'hold' };
}

/** The word as stored: trimmed, inner spaces collapsed. */
export const cleanWord = (word: string) => word.trim().replace(/\s+/g, ' ');

/** How two words are compared: case- and accent-insensitive, like the matching itself. */
export const comparable = (word: string) =>
  cleanWord(word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();

/** Errors by row key; an empty object when the list can be saved. */
export function wordErrors(drafts: readonly WordDraft[]): Record<string, WordError> {
  const errors: Record<string, WordError> = {};
  const seen = new Set<string>();
  for (const d of drafts) {
    const word = cleanWord(d.word);
    if (word.length < DIALOGUE_LIMITS.watchedWord.min) errors[d.key] = 'short';
    else if (word.length > DIALOGUE_LIMITS.watchedWord.max) errors[d.key] = 'long';
    else {
      const id = `${d.language}|${comparable(word)}`;
      if (seen.has(id)) errors[d.key] = 'duplicate';
      seen.add(id);
    }
  }
  return errors;
}

/** The list to save (PUT /watched-words). */
export function wordsFrom(drafts: readonly WordDraft[]): WatchedWord[] {
  return drafts.map((d) => ({ word: cleanWord(d.word), language: d.language === '' ? null : d.language, action: d.action }));
}

/** True when the drafts say something else than the saved list (order aside). */
export function changed(drafts: readonly WordDraft[], saved: readonly WatchedWord[]): boolean {
  const key = (w: WatchedWord) => `${w.language ?? ''}|${w.action}|${cleanWord(w.word)}`;
  const a = wordsFrom(drafts).map(key).sort();
  const b = saved.map(key).sort();
  return a.length !== b.length || a.some((x, i) => x !== b[i]);
}

export const LANGUAGE_CHOICES: readonly (Language | '')[] = ['', ...LANGUAGES];
export { WATCHED_ACTIONS };
