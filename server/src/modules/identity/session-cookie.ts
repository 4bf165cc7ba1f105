import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.js';
import { sessionCookieName } from '../../common/auth/cookies.js';

/** Cookie carrying the session token: httpOnly, SameSite=Lax, `Secure` and `__Host-` prefixed over HTTPS. */
export class SessionCookie {
  readonly name: string;
  constructor(private readonly config: AppConfig) {
    this.name = sessionCookieName(config);
  }

  read(req: Request): string | undefined {
    const value = (req.cookies as Record<string, string> | undefined)?.[this.name];
    return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : undefined;
  }

  write(res: Response, token: string, persistent: boolean): void {
    res.cookie(this.name, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
      ...(persistent ? { maxAge: this.config.session.participantMs } : {}),
    });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' });
  }
}
