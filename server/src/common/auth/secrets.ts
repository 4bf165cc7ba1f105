import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so codes read aloud or typed from paper survive. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** 256-bit random token, URL-safe: session ids, CSRF tokens, e-mail invitation tokens. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Random Crockford base32 code in groups of four, e.g. `K7QM-4TXZ` (8 chars = 40 bits). */
export function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += CROCKFORD[randomInt(32)];
  }
  return out;
}

/** Canonical form of a typed code: upper case, no separators, common misreadings folded. */
export function normaliseCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
