/**
 * IBANs of any country, written with or without spaces (usually in groups of four). Valid when the
 * ISO 7064 mod 97-10 check gives 1; Belgian IBANs must also pass the national check (first 10 digits of
 * the BBAN mod 97 equal the last 2, a remainder of 0 meaning 97).
 */
import { makeDetection, type Detection } from './types.js';

/** IBAN lengths per country (SWIFT IBAN registry). Countries not listed accept 15–34 characters. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21,
  LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26,
  UA: 29, VG: 24, XK: 20,
};

function mod97(numeric: string): number {
  let r = 0;
  for (let i = 0; i < numeric.length; i += 7) {
    r = Number(String(r) + numeric.slice(i, i + 7)) % 97;
  }
  return r;
}

function toNumeric(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
}

function validCompact(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  if (mod97(toNumeric(iban.slice(4) + iban.slice(0, 4))) !== 1) return false;
  if (iban.startsWith('BE')) {
    const bban = iban.slice(4);
    if (!/^\d{12}$/.test(bban)) return false;
    const rest = mod97(bban.slice(0, 10));
    if ((rest === 0 ? 97 : rest) !== Number(bban.slice(10))) return false;
  }
  return true;
}

/** Valid IBAN (spaces ignored, any case). */
export function isValidIban(input: string): boolean {
  return validCompact(input.replace(/[\s\u00a0]+/g, '').toUpperCase());
}

/** Country code + check digits, then groups of alphanumerics separated by at most one space. */
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,32}/gu;

/** IBANs with a valid checksum (confidence 'certain'); key `iban:<lowercase, no spaces>`. */
export function detectIbans(text: string): Detection[] {
  const out: Detection[] = [];
  const regex = new RegExp(CANDIDATE.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    const raw = m[0];
    // The longest prefix that ends at a word end (or before a space) and is a valid IBAN.
    let found: { length: number; compact: string } | undefined;
    for (let len = raw.length; len >= 15; len--) {
      const candidate = raw.slice(0, len);
      if (/[ \u00a0]$/.test(candidate)) continue;
      const next = text[m.index + len];
      if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) continue;
      const compact = candidate.replace(/[ \u00a0]/g, '').toUpperCase();
      if (validCompact(compact)) {
        found = { length: len, compact };
        break;
      }
    }
    if (found) {
      out.push(
        makeDetection(text, 'iban', m.index, m.index + found.length, `iban:${found.compact.toLowerCase()}`, 'certain'),
      );
      regex.lastIndex = m.index + found.length;
    } else {
      regex.lastIndex = m.index + 1;
    }
  }
  return out;
}
