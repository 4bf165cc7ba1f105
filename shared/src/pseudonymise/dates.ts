/**
 * Exact dates of birth (confidence 'certain'): a full date (day, month and year) preceded within about 40
 * characters, in the same sentence, by a birth cue ("geboren", "geboortedatum", "geb.", "°", "né(e)",
 * "date de naissance", "born", "date of birth", "DOB"). Key: `birthdate:<YYYY-MM-DD>`, so that
 * "12/03/1995" and "12 maart 1995" are the same detail.
 */
import { foldText } from './fold.js';
import { makeDetection, type Detection } from './types.js';

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['januari', 'janvier', 'january', 'jan', 'janv']],
  [2, ['februari', 'fevrier', 'february', 'feb', 'febr', 'fev', 'fevr']],
  [3, ['maart', 'mars', 'march', 'mrt', 'mar']],
  [4, ['april', 'avril', 'apr', 'avr']],
  [5, ['mei', 'mai', 'may']],
  [6, ['juni', 'juin', 'june', 'jun']],
  [7, ['juli', 'juillet', 'july', 'jul', 'juil']],
  [8, ['augustus', 'aout', 'august', 'aug']],
  [9, ['september', 'septembre', 'sep', 'sept']],
  [10, ['oktober', 'octobre', 'october', 'okt', 'oct']],
  [11, ['november', 'novembre', 'nov']],
  [12, ['december', 'decembre', 'dec']],
];
const MONTH_NUMBER = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
const MONTH_ALT = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
/** Matched against the folded (lowercase, accent-free) text. */
const NUMERIC = new RegExp(String.raw`${B}(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[/.\-]\d)`, 'gu');
const DAY_MONTH_YEAR = new RegExp(
  String.raw`${B}(1er|\d{1,2})(?:e|ste|de|st|nd|rd|th)?\.?[ \u00a0]+(?:of[ \u00a0]+)?(${MONTH_ALT})\.?,?[ \u00a0]+(\d{4})${E}`,
  'gu',
);
const MONTH_DAY_YEAR = new RegExp(
  String.raw`${B}(${MONTH_ALT})\.?[ \u00a0]+(\d{1,2})(?:st|nd|rd|th)?,?[ \u00a0]+(\d{4})${E}`,
  'gu',
);

/** Birth cues, matched case-insensitively on the original text (accents matter: "né" is not "ne"). */
const CUE = new RegExp(
  [
    'geboren',
    'geboortedatum',
    'geboortedag',
    String.raw`(?<!\p{L})geb\.`,
    '°',
    String.raw`(?<!\p{L})née?(?:\(e\))?(?!\p{L})`,
    'date de naissance',
    'naissance',
    String.raw`(?<!\p{L})born(?!\p{L})`,
    String.raw`birth ?date`,
    'date of birth',
    String.raw`(?<!\p{L})d\.?o\.?b(?!\p{L})`,
  ].join('|'),
  'giu',
);

function validDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]! && year >= 1900 && year <= 2099;
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n <= 30 ? 2000 + n : 1900 + n; // 2-digit years: birth dates, so mostly 19xx
}

/** True when a birth cue ends within 40 characters before `start`, without a sentence end in between. */
function hasBirthCue(text: string, start: number): boolean {
  const from = Math.max(0, start - 40);
  const window = text.slice(from, start);
  let last: RegExpExecArray | undefined;
  for (const m of window.matchAll(CUE)) last = m;
  if (!last) return false;
  const between = window.slice(last.index + last[0].length);
  // A sentence end (a word of 4+ letters, then . ! or ?, then a capital) breaks the link.
  return !/\p{L}{4,}[.!?][ \u00a0]+\p{Lu}/u.test(between) && !/[!?]/.test(between);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function detectBirthdates(text: string): Detection[] {
  const folded = foldText(text);
  const out: Detection[] = [];
  const push = (start: number, end: number, day: number, month: number, year: number): void => {
    if (!validDate(day, month, year)) return;
    if (!hasBirthCue(text, start)) return;
    out.push(makeDetection(text, 'birthdate', start, end, `birthdate:${iso(year, month, day)}`, 'certain'));
  };
  for (const m of folded.matchAll(NUMERIC)) {
    push(m.index, m.index + m[0].length, Number(m[1]), Number(m[3]), fullYear(m[4]!));
  }
  for (const m of folded.matchAll(DAY_MONTH_YEAR)) {
    const day = m[1] === '1er' ? 1 : Number(m[1]);
    push(m.index, m.index + m[0].length, day, MONTH_NUMBER.get(m[2]!)!, Number(m[3]));
  }
  for (const m of folded.matchAll(MONTH_DAY_YEAR)) {
    push(m.index, m.index + m[0].length, Number(m[2]), MONTH_NUMBER.get(m[1]!)!, Number(m[3]));
  }
  return out;
}
