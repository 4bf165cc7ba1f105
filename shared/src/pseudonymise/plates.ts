/**
 * Belgian licence plates (confidence 'certain'): the current format "1-ABC-123" (also "1ABC123",
 * "1 ABC 123") and the older "ABC-123" / "ABC 123" (three capitals and three digits, with a separator to
 * limit false positives). Common three-letter codes ("EUR 500", "ISO 9001") are not plates.
 */
import { makeDetection, type Detection } from './types.js';

const CURRENT = /(?<![\p{L}\p{N}-])([1-9])[- ]?([A-Z]{3})[- ]?(\d{3})(?![\p{L}\p{N}]|-\d)/gu;
const OLD = /(?<![\p{L}\p{N}-])([A-Z]{3})[- ](\d{3})(?![\p{L}\p{N}]|[-.,]\d)/gu;

/** Three-letter codes that are followed by numbers in ordinary text. */
const NOT_PLATES = new Set([
  'EUR', 'USD', 'GBP', 'CHF', 'MAD', 'TRY', 'DZD', 'TND', 'JPY', 'CAD', 'AUD', 'ISO', 'ART', 'NBN', 'DIN',
  'BTW', 'TVA', 'VAT', 'RRN', 'KBO', 'BCE', 'CAW', 'FOD', 'SPF', 'RVA', 'VDAB', 'PVC', 'APR', 'MEI', 'JUN',
  'JUL', 'AUG', 'SEP', 'OKT', 'OCT', 'NOV', 'DEC', 'JAN', 'FEB', 'MAR', 'MRT', 'AVR', 'FEV', 'DEU', 'ENG', 'NLD',
  'FRA', 'BEL', 'NUM', 'REF', 'TEL', 'GSM', 'FAX', 'BUS', 'BTE', 'BOX', 'NRS', 'COM', 'CPAS',
]);

export function detectPlates(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CURRENT)) {
    const key = `plate:${(m[1]! + m[2]! + m[3]!).toLowerCase()}`;
    out.push(makeDetection(text, 'plate', m.index, m.index + m[0].length, key, 'certain'));
  }
  for (const m of text.matchAll(OLD)) {
    if (NOT_PLATES.has(m[1]!)) continue;
    const key = `plate:${(m[1]! + m[2]!).toLowerCase()}`;
    out.push(makeDetection(text, 'plate', m.index, m.index + m[0].length, key, 'certain'));
  }
  return out;
}
