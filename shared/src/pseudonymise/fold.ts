/**
 * Length-preserving folding: every UTF-16 code unit is mapped to exactly one code unit, so offsets
 * found in the folded text are offsets in the original text.
 */

const cacheLower = new Map<string, string>();
const cacheKeepCase = new Map<string, string>();

/** Extra letters that NFD does not decompose. */
const SPECIAL: Record<string, string> = {
  'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H',
  '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'",
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ',
};

function foldUnit(ch: string, lower: boolean): string {
  const cache = lower ? cacheLower : cacheKeepCase;
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) {
    out = ch; // half of a surrogate pair: left alone
  } else if (SPECIAL[ch] !== undefined) {
    out = SPECIAL[ch]!;
  } else if (code >= 0x80) {
    const base = ch.normalize('NFD')[0] ?? ch;
    out = base.length === 1 ? base : ch;
  }
  if (lower) {
    const l = out.toLowerCase();
    out = l.length === 1 ? l : out;
  }
  cache.set(ch, out);
  return out;
}

/** Lowercase, accents removed, typographic apostrophes/dashes/spaces unified; same length as the input. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!, true);
  return out;
}

/** Accents removed but case kept; same length as the input. */
export function foldAccents(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!, false);
  return out;
}

/** Key text: lowercase, accents folded, whitespace collapsed. */
export function normaliseKeyText(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** Key text for numbers: lowercase, accents folded, spaces, dots, dashes and slashes removed. */
export function normaliseKeyNumber(text: string): string {
  return foldText(text).replace(/[\s.\-/]+/g, '');
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A letter, combining mark or digit: what counts as "inside a word". */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
export const NOT_WORD_BEFORE = `(?<!${WORD_CHAR})`;
export const NOT_WORD_AFTER = `(?!${WORD_CHAR})`;
