/**
 * Street addresses (confidence 'likely'): a Dutch street name ending in (or being) a street word
 * ("Kerkstraat 12", "Sint-Jansplein 5 bus 3", "Grote Markt 1") or a French street word followed by the
 * street name ("rue de la Station 14", "Avenue Louise 231 bte 4", "Chaussée de Gand 1020"), with a house
 * number, an optional letter and an optional box ("bus 3", "bte 2", "boîte 2", "/2").
 */
import { foldText, normaliseKeyText } from './fold.js';
import { COMMON_WORDS, NON_NAME_WORDS } from './stopwords.js';
import { makeDetection, type Detection } from './types.js';

export const DUTCH_STREET_WORDS = [
  'steenweg', 'straat', 'laan', 'weg', 'plein', 'lei', 'dreef', 'kaai', 'markt', 'baan', 'singel', 'dijk', 'hof',
  'pad', 'park', 'vest', 'wal',
] as const;
export const FRENCH_STREET_WORDS = [
  'rue', 'avenue', 'av.', 'chaussée', 'boulevard', 'bd', 'bd.', 'place', 'chemin', 'square', 'allée', 'quai', 'impasse',
  'drève', 'clos', 'sentier',
] as const;

const DUTCH_SUFFIX = new RegExp(`(?:${DUTCH_STREET_WORDS.join('|')})$`, 'u');
const FRENCH_SET = new Set(FRENCH_STREET_WORDS.map((w) => foldText(w).replace(/\.$/, '')));

/** True for a word that names a street: "Kerkstraat", "Markt", "Rue", "Avenue". */
export function isStreetWord(word: string): boolean {
  const f = foldText(word);
  if (FRENCH_SET.has(f)) return true;
  const m = f.match(DUTCH_SUFFIX);
  if (!m) return false;
  // The bare word ("Markt", "Hof") or a compound with at least three letters before it ("Kerkstraat").
  return f.length === m[0].length || f.length - m[0].length >= 3;
}

const HOUSE_NUMBER = String.raw`\d{1,4}(?:[a-zA-Z](?![\p{L}\p{N}]))?(?:\s*,?\s*(?:bus|bte\.?|boîte|boite|box|b\.)\s*\d{1,4}[a-zA-Z]?|\s*\/\s*\d{1,4}[a-zA-Z]?)?(?![\p{N}]|[.,]\d)`;

const CAP_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*`;

/** Dutch: "[Grote ]Kerkstraat 12" – the street word is the end of a capitalised word. */
const DUTCH = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}])(${CAP_WORD})[ \u00a0]+(${HOUSE_NUMBER})`,
  'gu',
);

/** "[Rr]ue", case-insensitive on the first letter only (the name words must stay capitalised). */
function firstLetterEitherCase(word: string): string {
  const first = word[0]!;
  const rest = word.slice(1).replace(/\./g, '\\.').replace(/[eéè]/g, '[eéè]');
  return `(?:[${first.toUpperCase()}${first.toLowerCase()}]${rest}|${word.toUpperCase().replace(/\./g, '\\.')})`;
}

/** French: "rue de la Station 14", "Avenue Louise 231 bte 4", "av. de Tervueren 12", "14, rue de la Station". */
const FRENCH_WORD = `(?:${FRENCH_STREET_WORDS.map(firstLetterEitherCase).join('|')})`;
const FRENCH_PARTICLE = String.raw`(?:de|du|des|la|le|les|l['’]|d['’]|aux|au|sous|sur|en|à|van|der|den|ten|ter)`;
const FRENCH_NAME_TOKEN = String.raw`(?:${FRENCH_PARTICLE}(?:[ \u00a0]+|(?<=['’]))|${CAP_WORD}(?:[ \u00a0]+|(?![\p{L}\p{M}])))`;
const FRENCH = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}])(?:(\d{1,3}[a-zA-Z]?),?[ \u00a0]+)?(${FRENCH_WORD})[ \u00a0]+((?:${FRENCH_NAME_TOKEN}){1,7})(?:,?[ \u00a0]*(${HOUSE_NUMBER}))?`,
  'gdu',
);

/** Capitalised words directly before a Dutch street word that belong to the street name ("Grote Markt"). */
function extendBackwards(text: string, start: number): number {
  let s = start;
  for (let n = 0; n < 3; n++) {
    const before = text.slice(Math.max(0, s - 60), s);
    const m = before.match(/(?<![\p{L}\p{M}\p{N}])(\p{Lu}[\p{L}\p{M}'’.-]*)[ \u00a0]$/u);
    if (!m) break;
    const word = m[1]!;
    const folded = foldText(word.replace(/\.$/, ''));
    if (COMMON_WORDS.has(folded) || NON_NAME_WORDS.has(folded)) break;
    s = s - m[0].length;
  }
  return s;
}

export function detectAddresses(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(DUTCH)) {
    const word = m[1]!;
    if (!/\p{Ll}/u.test(word)) continue;
    const last = word.split('-').pop()!;
    if (!isStreetWord(word) && !isStreetWord(last)) continue;
    if (FRENCH_SET.has(foldText(word))) continue; // "Rue 12" is not a street name on its own
    const start = extendBackwards(text, m.index);
    const end = m.index + m[0].length;
    out.push(makeDetection(text, 'address', start, end, `address:${normaliseKeyText(text.slice(start, end))}`, 'likely'));
  }
  for (const m of text.matchAll(FRENCH)) {
    const numberBefore = m[1];
    const nameText = m[3]!;
    const numberAfter = m[4];
    if (!numberBefore && !numberAfter) continue;
    // The street name needs at least one capitalised word ("rue de la Station"), not only particles.
    const words = nameText.split(/[ \u00a0]+|(?<=['’])/u).filter(Boolean);
    if (!words.some((w) => /^\p{Lu}/u.test(w) && !new RegExp(`^${FRENCH_PARTICLE}$`, 'iu').test(w))) continue;
    const indices = m.indices!;
    let start: number;
    let end: number;
    if (numberAfter) {
      start = indices[2]![0];
      end = indices[4]![1];
    } else {
      start = m.index;
      end = indices[3]![1];
    }
    const span = text.slice(start, end).replace(/[ \u00a0,]+$/u, '');
    end = start + span.length;
    out.push(makeDetection(text, 'address', start, end, `address:${normaliseKeyText(span)}`, 'likely'));
  }
  return out;
}
