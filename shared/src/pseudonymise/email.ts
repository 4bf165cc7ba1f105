/** E-mail addresses (confidence 'certain'), key `email:<lowercase address>`. */
import { foldText } from './fold.js';
import { makeDetection, type Detection } from './types.js';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}])/gu;

export function detectEmails(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    if (local.startsWith('.') || local.endsWith('.')) continue;
    out.push(makeDetection(text, 'email', m.index, m.index + m[0].length, `email:${foldText(m[0])}`, 'certain'));
  }
  return out;
}
