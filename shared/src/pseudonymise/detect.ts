/** Runs all detectors over one block of text and resolves overlaps. */
import { detectAddresses } from './addresses.js';
import { detectCapitalisedNames } from './capitalised.js';
import { detectBirthdates } from './dates.js';
import { detectEmails } from './email.js';
import { detectIbans } from './iban.js';
import { detectMunicipalities } from './municipalities.js';
import { detectListedNames } from './names.js';
import { detectNationalNumbers } from './national-number.js';
import { detectPhones } from './phone.js';
import { detectPlates } from './plates.js';
import { detectPostcodes } from './postcodes.js';
import type { DetectOptions, Detection, DetectionKind } from './types.js';

/** On a tie (same length, same confidence) the kind listed first wins. */
const KIND_PRIORITY: readonly DetectionKind[] = [
  'national_number',
  'iban',
  'email',
  'birthdate',
  'phone',
  'plate',
  'address',
  'postcode',
  'municipality',
  'name',
];

function better(a: Detection, b: Detection): number {
  const len = b.end - b.start - (a.end - a.start);
  if (len !== 0) return len; // longer first
  if (a.confidence !== b.confidence) return a.confidence === 'certain' ? -1 : 1;
  const kind = KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind);
  if (kind !== 0) return kind;
  if (a.start !== b.start) return a.start - b.start;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; // names list: the lower index wins
}

/** Keeps non-overlapping detections: on overlap the longer, on a tie the 'certain' one. Sorted by start. */
export function resolveOverlaps(candidates: readonly Detection[]): Detection[] {
  const sorted = [...candidates].filter((d) => d.end > d.start).sort(better);
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (kept.every((k) => d.end <= k.start || d.start >= k.end)) kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** All detections in one block of text (one paragraph), sorted by start, non-overlapping. */
export function detectIdentifiers(text: string, options: DetectOptions = {}): Detection[] {
  if (!text) return [];
  const candidates: Detection[] = [
    ...detectListedNames(text, options.names ?? []),
    ...detectNationalNumbers(text),
    ...detectIbans(text),
    ...detectEmails(text),
    ...detectPhones(text),
    ...detectBirthdates(text),
    ...detectPlates(text),
    ...detectAddresses(text),
    ...detectPostcodes(text),
    ...detectMunicipalities(text),
    ...detectCapitalisedNames(text),
  ];
  // a pseudonym RELAB gave ("Persoon A", "Gemeente X", "[datum]") is not an identifying detail, nor part of one
  const given = pseudonymSpans(text);
  return resolveOverlaps(given.length === 0 ? candidates : candidates.filter((d) => !given.some(([s, e]) => d.start < e && d.end > s)));
}

const PSEUDONYM = /\b(?:Person|Persoon|Personne|Municipality|Gemeente|Commune) [A-Z]{1,2}\b\.?|\[[^\]\n]{1,40}\]/g;

/** Where the text holds pseudonyms in RELAB's own forms. */
export function pseudonymSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(PSEUDONYM)].map((m) => [m.index, m.index + m[0].length]);
}
