/**
 * Heuristic person names (confidence 'likely'): two or more consecutive capitalised words, possibly with
 * particles between them ("Karim van den Berg", "Fatima El Idrissi", "Jean-Pierre Dubois"), or a capitalised
 * word after a title ("meneer Peeters", "Monsieur Benali", "M. Benali"). Common sentence-starting words,
 * weekdays, months, institutions and street words are not names; big cities and small municipalities are
 * not names either, except as part of a surname ("Sophie Van Damme"); all-capital acronyms are not names.
 */
import { foldText, normaliseKeyText } from './fold.js';
import { isStreetWord } from './addresses.js';
import { smallMunicipalityKey } from './municipalities.js';
import { isNonIdentifyingPlace } from './places.js';
import { COMMON_WORDS, NON_NAME_WORDS, PARTICLES, TITLES } from './stopwords.js';
import { makeDetection, type Detection } from './types.js';

interface Token {
  start: number;
  end: number;
  word: string;
  folded: string;
  cap: boolean;
  particle: boolean;
  /** A single capital letter directly followed by a dot ("J." in "J. Peeters"). */
  initial: boolean;
  title: boolean;
}

const TOKEN = /(?:\p{Lu}['’])?\p{L}[\p{L}\p{M}]*(?:[-‐‑]\p{L}[\p{L}\p{M}]*)*/gu;
const SPACE_GAP = /^[ \t\u00a0\u202f]{1,3}$/;
const INITIAL_GAP = /^\.[-‐‑]?[ \t\u00a0\u202f]{0,3}$/;
const TITLE_GAP = /^\.?[ \t\u00a0\u202f]{1,3}$/;

function isCapitalised(word: string): boolean {
  const body = word.replace(/^\p{Lu}['’]/u, '');
  if (!/^\p{Lu}/u.test(body)) return false;
  if (!/\p{Ll}/u.test(body)) return false; // all capitals: an acronym
  return (body.match(/\p{L}/gu) ?? []).length >= 2;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const folded = foldText(word);
    const initial = word.length === 1 && /\p{Lu}/u.test(word) && text[end] === '.';
    // "me" is an ordinary pronoun in Dutch and French; only "Me" (Maître) is a title.
    const title =
      TITLES.has(folded) && (folded === 'me' ? word === 'Me' : isCapitalised(word) || word === word.toLowerCase());
    tokens.push({
      start,
      end,
      word,
      folded,
      cap: isCapitalised(word),
      particle: PARTICLES.has(folded),
      initial,
      title,
    });
  }
  return tokens;
}

/** True when the token starts a sentence (start of text, after . ! ? : ; … or a line break). */
function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') return true;
    if (/[\s"'“”‘’«»()[\]\-–—•*]/u.test(ch)) {
      i--;
      continue;
    }
    return /[.!?…:;]/u.test(ch);
  }
  return true;
}

/** Words that are never part of a name: weekdays, months, institutions, titles, street words. */
function isNonNameWord(t: Token): boolean {
  return NON_NAME_WORDS.has(t.folded) || isStreetWord(t.word);
}

/** Place names: not a name at the start of a run ("Gent", "Mesen"), but a surname after a name or a
 *  particle ("Sophie Van Damme", "Jan Van Hasselt"). */
function isPlace(t: Token): boolean {
  return isNonIdentifyingPlace(t.word) || smallMunicipalityKey(t.word) !== undefined;
}

/** Turns one run of adjacent candidate tokens into a detection, or nothing. */
function runToDetection(text: string, run: Token[], titled: boolean): Detection | undefined {
  let tokens = [...run];
  // Leading: common sentence starters, non-name words, places, lowercase particles.
  while (tokens.length > 0) {
    const t = tokens[0]!;
    const sentenceStart = !titled && atSentenceStart(text, t.start);
    if (
      (sentenceStart && COMMON_WORDS.has(t.folded)) ||
      isNonNameWord(t) ||
      (!titled && isPlace(t)) ||
      (!t.cap && !t.initial)
    ) {
      tokens = tokens.slice(1);
      titled = false; // the title no longer directly precedes the name
      continue;
    }
    break;
  }
  // Trailing: particles, initials, non-name words.
  while (tokens.length > 0) {
    const t = tokens[tokens.length - 1]!;
    if (t.particle || t.initial || isNonNameWord(t) || !t.cap) {
      tokens = tokens.slice(0, -1);
      continue;
    }
    if (isPlace(t)) {
      // A place is a surname only after a particle or a name ("Van Damme", "Sophie Beaumont"),
      // not after an institution ("Justitiehuis Antwerpen").
      const prev = tokens[tokens.length - 2];
      const namePart = prev !== undefined && (prev.particle || (prev.cap && !isNonNameWord(prev) && !isPlace(prev)));
      if (!namePart) {
        tokens = tokens.slice(0, -1);
        continue;
      }
    }
    break;
  }
  if (tokens.length === 0) return undefined;
  const capitalised = tokens.filter((t) => t.cap || t.initial).length;
  const real = tokens.filter((t) => t.cap && !t.particle && !isNonNameWord(t)).length;
  if (real === 0) return undefined;
  if (!titled && capitalised < 2) return undefined;
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const span = text.slice(start, end);
  if (isNonIdentifyingPlace(span) || smallMunicipalityKey(span) !== undefined) return undefined;
  // A run of place names only ("Sint-Niklaas Gent") is not a name.
  if (tokens.every((t) => t.particle || isPlace(t) || isNonNameWord(t))) return undefined;
  return makeDetection(text, 'name', start, end, `name:${normaliseKeyText(span)}`, 'likely');
}

/** Heuristic person names in the text (confidence 'likely', key `name:<folded text>`). */
export function detectCapitalisedNames(text: string): Detection[] {
  const tokens = tokenise(text);
  const out: Detection[] = [];
  let run: Token[] = [];
  let titled = false;
  let pendingTitle: Token | undefined;

  const flush = (): void => {
    if (run.length > 0) {
      const d = runToDetection(text, run, titled);
      if (d) out.push(d);
    }
    run = [];
    titled = false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    // "M. Benali": a capital M with a dot followed by a capitalised word is a title.
    const next = tokens[i + 1];
    const isTitle =
      t.title ||
      (t.word === 'M' && t.initial && next !== undefined && next.cap && INITIAL_GAP.test(text.slice(t.end, next.start)));
    if (isTitle) {
      flush();
      pendingTitle = t;
      continue;
    }
    const candidate = t.cap || t.particle || t.initial;
    if (pendingTitle && prev === pendingTitle && TITLE_GAP.test(gap) && (t.cap || t.particle)) {
      flush();
      run = [t];
      titled = true;
      pendingTitle = undefined;
      continue;
    }
    pendingTitle = undefined;
    const adjacent =
      run.length > 0 &&
      prev === run[run.length - 1] &&
      (SPACE_GAP.test(gap) || (prev.initial && INITIAL_GAP.test(gap)));
    if (candidate && adjacent) {
      run.push(t);
    } else {
      flush();
      if (candidate) run = [t];
    }
  }
  flush();
  return out;
}

