/** Small pure helpers for codes, links and dates. */
import type { Language } from '@relab/shared';

/**
 * Normalises a join code as typed or read aloud: no surrounding or inner spaces, upper case
 * ("k7qm 4txz " → "K7QM4TXZ", "k7qm-4txz" → "K7QM-4TXZ"). Join codes are case-insensitive by design.
 */
export function normalizeJoinCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** A recovery code is only trimmed: it is checked by the server exactly as written. */
export function normalizeRecoveryCode(input: string): string {
  return input.trim();
}

/** Absolute URL of an invitation link path returned by the API (`/join/CODE`, `/invite/TOKEN`). */
export function absoluteLink(origin: string, link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  return origin.replace(/\/+$/, '') + (link.startsWith('/') ? link : `/${link}`);
}

/**
 * Where to go after logging in: only a path of this site, never another origin
 * ("//evil.example", "/\\evil.example" and "https://…" are refused), so a crafted link cannot redirect away.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  return next;
}

const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** Locale used for dates: Belgian Dutch and French, British English. */
export function localeOf(language: string): string {
  return (LOCALES as Record<string, string>)[language] ?? LOCALES.nl;
}

/*
 * Intl formatters are costly to build (a table of a few hundred cells spent half a second building one per cell), so
 * each locale and set of options gets one, kept for the page's life.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, language: string, options: object, make: (locale: string) => T): T {
  const locale = localeOf(language);
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make(locale)));
  return formatter;
}

/** The number format of the user's language with these options, built once. */
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('n', language, options, (locale) => new Intl.NumberFormat(locale, options));
}

/** The date format of the user's language with these options, built once. */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('d', language, options, (locale) => new Intl.DateTimeFormat(locale, options));
}

/** A date as "12 March 2026" in the user's language; the input is an ISO string from the API. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A moment as "12 March 2026, 14:05" in the user's language (versions are often saved on the same day). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
