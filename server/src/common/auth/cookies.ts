import type { AppConfig } from '../../config/config.js';

/** The session cookie's name: `__Host-` prefixed over HTTPS. */
export function sessionCookieName(config: Pick<AppConfig, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-relab_sid' : 'relab_sid';
}

/** One cookie from a raw Cookie header (socket handshakes have no cookie parser); bounded and never throwing. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      let value: string;
      try {
        value = decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
      return value.length > 0 && value.length <= 128 ? value : undefined;
    }
  }
  return undefined;
}
