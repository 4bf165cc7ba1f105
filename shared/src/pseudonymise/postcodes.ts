/**
 * Belgian postcodes (1000–9999, confidence 'certain'): a 4-digit number followed by a municipality-looking
 * capitalised word ("2000 Antwerpen", "1080 Molenbeek-Saint-Jean", "B-9000 Gent"), or preceded by
 * "postcode" / "code postal". Numbers that look like years (1900–2099) are only taken when the next word is
 * a known place and the number is not introduced by "in", "sinds", "depuis", … ("in 2019 verhuisde hij").
 */
import { foldText } from './fold.js';
import { smallMunicipalityKey } from './municipalities.js';
import { isNonIdentifyingPlace } from './places.js';
import { COMMON_WORDS, NON_NAME_WORDS, NOT_POSTCODE_BEFORE, YEAR_BEFORE } from './stopwords.js';
import { makeDetection, type Detection } from './types.js';

const POSTCODE = /(?<![\p{L}\p{N}.,/€$£-])(?:(?:B|BE)-?[ \u00a0]?)?([1-9]\d{3})(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const PLACE_AFTER =
  /^[ \u00a0]{1,3}((?:(?:La|Le|Les|De|Den|Sint|Saint|Sainte|Sankt|Mont|Ottignies|'s)[ \u00a0-])?\p{Lu}[\p{Ll}\p{M}'’]+(?:[- ](?:\p{Ll}{1,3}[- ])?\p{Lu}[\p{Ll}\p{M}'’]+)*)/u;
const CUE_BEFORE = /(?:postcode|post code|postal code|code postal|postnummer|zip(?: code)?|c\.?p\.?)[\s:.]*$/iu;

function wordBefore(text: string, pos: number): string | undefined {
  const m = text.slice(Math.max(0, pos - 30), pos).match(/([\p{L}'’]+)\.?[ \u00a0]+$/u);
  return m ? foldText(m[1]!) : undefined;
}

/** Words after which a 4-digit number followed by a capitalised word is read as "postcode + place". */
const PLACE_PREPOSITIONS = new Set(['te', 'in', 'uit', 'naar', 'van', 'a', 'de', 'from', 'to', 'at', 'vers', 'sur', 'op']);

/** The last non-space character before `pos`, or '' at the start of the text. */
function charBefore(text: string, pos: number): string {
  let i = pos - 1;
  while (i >= 0 && /[ \t\u00a0]/u.test(text[i]!)) i--;
  return i >= 0 ? text[i]! : '';
}

function isKnownPlace(name: string): boolean {
  if (isNonIdentifyingPlace(name) || smallMunicipalityKey(name) !== undefined) return true;
  // "Molenbeek-Saint-Jean 1080" style compounds: try the first word too
  const first = name.split(/[ -]/)[0]!;
  return isNonIdentifyingPlace(first) || smallMunicipalityKey(first) !== undefined;
}

export function detectPostcodes(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    const digits = m[1]!;
    const start = m.index;
    const end = start + m[0].length;
    const prefixed = /^BE?-/.test(m[0]);
    const cue = CUE_BEFORE.test(text.slice(Math.max(0, start - 20), start));
    const before = wordBefore(text, start);
    let ok = prefixed || cue;
    if (!ok) {
      if (before !== undefined && NOT_POSTCODE_BEFORE.has(before)) continue;
      const after = text.slice(end).match(PLACE_AFTER);
      if (!after) continue;
      const place = after[1]!;
      const firstWord = foldText(place.split(/[ \u00a0-]/)[0]!);
      const known = isKnownPlace(place);
      const year = Number(digits) >= 1900 && Number(digits) <= 2099;
      if (year) {
        ok = known && !(before !== undefined && YEAR_BEFORE.has(before));
      } else if (known) {
        ok = true;
      } else {
        // An unknown capitalised word: only in an address-like position (after a comma, at the start of a
        // line, or after "te", "in", "à", …), so that "1500 Marokkanen" is not a postcode.
        const addressLike = /^(?:|[,;:\n(])$/.test(charBefore(text, start)) || (before !== undefined && PLACE_PREPOSITIONS.has(before));
        ok = addressLike && !COMMON_WORDS.has(firstWord) && !NON_NAME_WORDS.has(firstWord);
      }
    }
    if (!ok) continue;
    out.push(makeDetection(text, 'postcode', start, end, `postcode:${digits}`, 'certain'));
  }
  return out;
}
