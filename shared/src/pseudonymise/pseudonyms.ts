/** Pseudonyms: "Persoon A", "Gemeente X", "[telefoon]", … consistent per key. */
import type { Language } from '../domain/languages.js';
import type { Detection, DetectionKind } from './types.js';

export interface PseudonymEntry {
  key: string;
  kind: DetectionKind;
  real: string;
  pseudonym: string;
}

const PERSON: Record<Language, string> = { en: 'Person', nl: 'Persoon', fr: 'Personne' };
const MUNICIPALITY: Record<Language, string> = { en: 'Municipality', nl: 'Gemeente', fr: 'Commune' };

const PLACEHOLDERS: Record<Exclude<DetectionKind, 'name' | 'municipality'>, Record<Language, string>> = {
  birthdate: { en: '[date]', nl: '[datum]', fr: '[date]' },
  national_number: { en: '[national number]', nl: '[rijksregisternummer]', fr: '[numéro national]' },
  phone: { en: '[phone]', nl: '[telefoon]', fr: '[téléphone]' },
  email: { en: '[e-mail]', nl: '[e-mail]', fr: '[e-mail]' },
  iban: { en: '[account]', nl: '[rekening]', fr: '[compte]' },
  address: { en: '[address]', nl: '[adres]', fr: '[adresse]' },
  postcode: { en: '[postcode]', nl: '[postcode]', fr: '[code postal]' },
  plate: { en: '[plate]', nl: '[nummerplaat]', fr: '[plaque]' },
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Municipalities start at X: X, Y, Z, then W, V, U, … A. */
const PLACE_ALPHABET = 'XYZWVUTSRQPONMLKJIHGFEDCBA';

/** Bijective base-26 label: 0 → A, 25 → Z, 26 → AA, 27 → AB, … over the given alphabet. */
function label(index: number, alphabet: string): string {
  let n = Math.max(0, Math.floor(index));
  let out = '';
  do {
    out = alphabet[n % 26]! + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** The pseudonym for the n-th distinct detail of a kind (0-based), in the reflection's language. */
export function pseudonymFor(kind: DetectionKind, index: number, language: Language): string {
  if (kind === 'name') return `${PERSON[language]} ${label(index, ALPHABET)}`;
  if (kind === 'municipality') return `${MUNICIPALITY[language]} ${label(index, PLACE_ALPHABET)}`;
  return PLACEHOLDERS[kind][language];
}

/** The pseudonym already given to this key, or the next free one for its kind (same key → same pseudonym). */
export function assignPseudonym(
  detection: Pick<Detection, 'key' | 'kind' | 'text'>,
  existing: readonly PseudonymEntry[],
  language: Language,
): PseudonymEntry {
  const found = existing.find((e) => e.key === detection.key);
  if (found) return found;
  const used = new Set(existing.map((e) => e.pseudonym));
  let index = 0;
  if (detection.kind === 'name' || detection.kind === 'municipality') {
    while (used.has(pseudonymFor(detection.kind, index, language))) index++;
  }
  return {
    key: detection.key,
    kind: detection.kind,
    real: detection.text,
    pseudonym: pseudonymFor(detection.kind, index, language),
  };
}

/**
 * Replaces every detection whose key has an entry with its pseudonym and returns the new text.
 * Detections that overlap an earlier one, or whose text no longer matches the input, are skipped.
 */
export function applyPseudonyms(
  text: string,
  detections: readonly Detection[],
  entries: readonly PseudonymEntry[],
): string {
  const byKey = new Map(entries.map((e) => [e.key, e.pseudonym] as const));
  const sorted = [...detections].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const d of sorted) {
    const pseudonym = byKey.get(d.key);
    if (pseudonym === undefined) continue;
    if (d.start < pos || d.end > text.length || text.slice(d.start, d.end) !== d.text) continue;
    out += text.slice(pos, d.start) + pseudonym;
    pos = d.end;
  }
  return out + text.slice(pos);
}
