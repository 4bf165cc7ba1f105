import { Inject, Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { readCookie, sessionCookieName } from '../../common/auth/cookies.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { SessionsService } from './sessions.service.js';

/**
 * Authenticates a socket.io handshake (for `/collab` and `/live`) like AuthGuard does a request: the session
 * cookie must name a live session, and an `Origin` header, when present, must be PUBLIC_URL's origin (so a page
 * on another site cannot open a socket with the user's cookie).
 */
@Injectable()
export class SocketAuth {
  private readonly cookieName: string;
  private readonly allowedOrigin: string;

  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookieName = sessionCookieName(config);
    this.allowedOrigin = new URL(config.publicUrl).origin;
  }

  /** The session and its token, or null when the handshake must be refused. */
  async resolve(handshake: Pick<Socket['handshake'], 'headers'>): Promise<{ auth: AuthContext; token: string } | null> {
    const origin = handshake.headers.origin;
    if (origin && origin !== this.allowedOrigin) return null;
    const token = readCookie(handshake.headers.cookie, this.cookieName);
    if (!token) return null;
    const auth = await this.sessions.resolve(token);
    return auth ? { auth, token } : null;
  }
}
