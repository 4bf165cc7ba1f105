/**
 * Phone numbers (default country Belgium) found with libphonenumber-js. Only numbers written with a
 * trunk prefix 0 or an international prefix (+ or 00) are kept, so that arbitrary digit strings are not
 * taken for phone numbers. Uses the default ("min") metadata: it keeps the browser bundle small and
 * accepts every valid Belgian number range ("02 123 45 67", "09/123.45.67"), which the stricter "max"
 * metadata rejects for some unallocated blocks.
 */
// The core API with explicitly imported metadata (the same "min" metadata as the default entry point):
// importing the metadata through the package's own export avoids loading a raw JSON module.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.min.json';
import { makeDetection, type Detection } from './types.js';

/** Phone numbers (confidence 'certain'), key `phone:<E.164>`. */
export function detectPhones(text: string): Detection[] {
  const out: Detection[] = [];
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'BE' }, metadata)) {
    const start = found.startsAt;
    const end = found.endsAt;
    const raw = text.slice(start, end);
    if (!/^(?:\+|00|\(?0)/.test(raw)) continue;
    if (!found.number.isValid()) continue;
    out.push(makeDetection(text, 'phone', start, end, `phone:${found.number.number}`, 'certain'));
  }
  // libphonenumber's text search can swallow a number into a longer invalid candidate ("…033.28, 0470 12 34 56"
  // right after a national number) and then skip it: look again at every phone-shaped run of digits on its own
  for (const m of text.matchAll(PHONE_SHAPED)) {
    const start = m.index + m[1]!.length;
    const raw = m[0].slice(m[1]!.length).replace(/[\s./-]+$/, '');
    const end = start + raw.length;
    if (out.some((d) => start < d.end && end > d.start)) continue;
    const number = parsePhoneNumberFromString(raw, { defaultCountry: 'BE' }, metadata);
    if (!number?.isValid()) continue;
    out.push(makeDetection(text, 'phone', start, end, `phone:${number.number}`, 'certain'));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A trunk or international prefix, then 7 to 12 more digits with the usual separators; not inside a longer number. */
const PHONE_SHAPED = /(^|[^\d.\-/+])((?:\+|00)32[\s./-]?|0)\(?\d(?:[\s./-]?\)?\d){6,11}/g;
