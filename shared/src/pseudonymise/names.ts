/**
 * Names from the author's names list, with their variants (first name, surname, initials) and inflections
 * (genitive "Yasmina's" / "Yasminas", French elision "d'Yasmina"). Matching is case- and accent-insensitive
 * on word boundaries; all variants of entry i get the key `name:i`.
 */
import { escapeRegExp, foldAccents, foldText, NOT_WORD_AFTER, NOT_WORD_BEFORE } from './fold.js';
import { PARTICLES } from './stopwords.js';
import { makeDetection, type Detection } from './types.js';

/** Shortest part (in letters) that is searched on its own. */
const MIN_PART_LENGTH = 3;

interface NameForm {
  /** How the form is shown (nameVariants). */
  display: string;
  /** RegExp source, matched against the folded (lowercase, accent-free) text unless caseSensitive. */
  pattern: string;
  /** Matched against the accent-folded text keeping case (all-capital initials "YEA"). */
  caseSensitive: boolean;
  /** A trailing genitive "s" may follow ("Yasminas"); it is not part of the detection. */
  genitive: boolean;
}

function letterCount(s: string): number {
  return (s.match(/\p{L}/gu) ?? []).length;
}

/** Regex source for a (multi-word) name part: spaces and hyphens interchangeable, any apostrophe. */
function partPattern(part: string): string {
  return foldText(part)
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => escapeRegExp(w))
    .join('[\\s-]+');
}

function tokensOf(name: string): string[] {
  let clean = name.replace(/\s+/g, ' ').trim();
  // "El Amrani, Yasmina" → "Yasmina El Amrani"
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const surname = clean.slice(0, comma).trim();
    const given = clean.slice(comma + 1).trim();
    clean = given ? `${given} ${surname}` : surname;
  }
  return clean.split(' ').filter(Boolean);
}

function isParticle(word: string): boolean {
  return PARTICLES.has(foldText(word));
}

function initialOf(word: string): string {
  const m = word.match(/\p{L}/u);
  return m ? foldAccents(m[0]).toUpperCase() : '';
}

function formsOf(name: string): NameForm[] {
  const tokens = tokensOf(name);
  if (tokens.length === 0) return [];
  const forms: NameForm[] = [];
  const add = (display: string, pattern: string, caseSensitive = false, genitive = true): void => {
    if (!forms.some((f) => f.pattern === pattern && f.caseSensitive === caseSensitive)) {
      forms.push({ display, pattern, caseSensitive, genitive });
    }
  };
  const full = tokens.join(' ');
  if (tokens.length === 1) {
    if (letterCount(full) >= MIN_PART_LENGTH) add(full, partPattern(full));
    return forms;
  }
  add(full, partPattern(full));
  // A leading particle ("Van den Berg", "De Vlinder") means there is no separate first name.
  const hasFirst = !isParticle(tokens[0]!);
  const first = hasFirst ? tokens[0]! : undefined;
  const surnameTokens = hasFirst ? tokens.slice(1) : tokens;
  const surname = surnameTokens.join(' ');
  const surnameIsOnlyParticles = surnameTokens.every(isParticle);
  if (first && letterCount(first) >= MIN_PART_LENGTH) add(first, partPattern(first));
  if (hasFirst && !surnameIsOnlyParticles && letterCount(surname) >= MIN_PART_LENGTH) {
    add(surname, partPattern(surname));
  }
  if (first && !surnameIsOnlyParticles) {
    const firstInitials = first.split('-').map(initialOf).filter(Boolean);
    const initial = firstInitials[0];
    if (initial) {
      // "Y. El Amrani", also "Y.El Amrani" and "Y El Amrani"
      add(`${initial}. ${surname}`, `${escapeRegExp(initial.toLowerCase())}(?:\\.\\s*|\\s+)${partPattern(surname)}`);
    }
    if (firstInitials.length > 1) {
      // "J.-P. Dubois", "J.P. Dubois" for "Jean-Pierre Dubois"
      const joined = firstInitials.map((i) => escapeRegExp(i.toLowerCase())).join('\\.?-?\\s*');
      add(`${firstInitials.join('.-')}. ${surname}`, `${joined}(?:\\.\\s*|\\s+)${partPattern(surname)}`);
    }
  }
  // Initials of every word, hyphenated first names counting once per part ("Jean-Pierre Dubois" → J.P.D.).
  const initials = tokens.flatMap((t) => t.split('-')).map(initialOf).filter(Boolean);
  if (initials.length >= 2) {
    // "Y.E.A.", "Y. E. A.", "y.e.a"
    add(
      `${initials.join('.')}.`,
      initials.map((i) => escapeRegExp(i.toLowerCase())).join('\\.\\s*') + '\\.?',
      false,
      false,
    );
  }
  if (initials.length >= 3) {
    // "YEA": only in capitals, as a whole word
    add(initials.join(''), escapeRegExp(initials.join('')), true, false);
  }
  return forms;
}

/** The forms searched for one entry of the names list (inflections such as "Yasmina's" are matched on top). */
export function nameVariants(name: string): string[] {
  return formsOf(name).map((f) => f.display);
}

interface CompiledEntry {
  index: number;
  insensitive?: RegExp;
  sensitive?: RegExp;
}

function compileEntry(name: string, index: number): CompiledEntry | undefined {
  const forms = formsOf(name);
  if (forms.length === 0) return undefined;
  const build = (list: NameForm[], flags: string): RegExp | undefined => {
    if (list.length === 0) return undefined;
    // Longest alternatives first so that the full name wins over its parts at the same position.
    const alts = [...list]
      .sort((a, b) => b.pattern.length - a.pattern.length)
      .map((f) => (f.genitive ? `${f.pattern}(?=s?${NOT_WORD_AFTER})` : `${f.pattern}${NOT_WORD_AFTER}`));
    return new RegExp(`${NOT_WORD_BEFORE}(?:${alts.join('|')})`, flags);
  };
  return {
    index,
    insensitive: build(
      forms.filter((f) => !f.caseSensitive),
      'gu',
    ),
    sensitive: build(
      forms.filter((f) => f.caseSensitive),
      'gu',
    ),
  };
}

/** Detections of the names-list entries (confidence 'certain', key `name:<index in the list>`). */
export function detectListedNames(text: string, names: readonly string[]): Detection[] {
  const out: Detection[] = [];
  if (names.length === 0) return out;
  const folded = foldText(text);
  const keepCase = foldAccents(text);
  names.forEach((name, index) => {
    const entry = compileEntry(name, index);
    if (!entry) return;
    for (const [regex, subject] of [
      [entry.insensitive, folded],
      [entry.sensitive, keepCase],
    ] as const) {
      if (!regex) continue;
      for (const m of subject.matchAll(regex)) {
        if (m[0].length === 0) continue;
        out.push(makeDetection(text, 'name', m.index, m.index + m[0].length, `name:${index}`, 'certain'));
      }
    }
  });
  return out;
}
