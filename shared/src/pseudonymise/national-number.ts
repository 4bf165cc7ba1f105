/**
 * Belgian national register numbers (rijksregisternummer / numéro de registre national) and BIS numbers:
 * 11 digits YYMMDD-SSS-CC, written plain or as YY.MM.DD-SSS.CC (any of . - / space between the groups).
 *
 * CC = 97 − (first 9 digits mod 97) for people born before 2000,
 * CC = 97 − ((2 followed by the first 9 digits) mod 97) for people born from 2000.
 * BIS numbers add 20 (gender unknown) or 40 (gender known) to the month. Month 00 and day 00 are allowed
 * (birth date unknown); otherwise the month is 1–12 and the day 1–31.
 */
import { makeDetection, type Detection } from './types.js';

function checksumOk(digits: string): boolean {
  const n = Number(digits.slice(0, 9));
  const cc = Number(digits.slice(9, 11));
  return cc === 97 - (n % 97) || cc === 97 - ((2_000_000_000 + n) % 97);
}

function dateOk(digits: string): boolean {
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month >= 40) month -= 40;
  else if (month >= 20) month -= 20;
  return month >= 0 && month <= 12 && day >= 0 && day <= 31;
}

function validDigits(digits: string): boolean {
  return /^\d{11}$/.test(digits) && dateOk(digits) && checksumOk(digits);
}

/** Valid Belgian national register number or BIS number (separators . - / and spaces are ignored). */
export function isValidNationalNumber(input: string): boolean {
  const trimmed = input.trim();
  if (!/^[\d.\-/\s]+$/.test(trimmed)) return false;
  return validDigits(trimmed.replace(/[.\-/\s]/g, ''));
}

const SEP = String.raw`[ \u00a0.\-/_]{0,2}`;
const NATIONAL_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{2})${SEP}(\d{2})${SEP}(\d{2})${SEP}(\d{3})${SEP}(\d{2})(?![\p{L}\p{N}]|[.\-/]\d)`,
  'gu',
);

/** National register and BIS numbers with a valid checksum (confidence 'certain'). */
export function detectNationalNumbers(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(NATIONAL_NUMBER)) {
    const digits = m.slice(1, 6).join('');
    if (!validDigits(digits)) continue;
    out.push(makeDetection(text, 'national_number', m.index, m.index + m[0].length, `national_number:${digits}`, 'certain'));
  }
  return out;
}
