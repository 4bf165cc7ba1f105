import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from '@relab/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { SessionsService } from '../../modules/identity/sessions.service.js';
import { SessionCookie } from '../../modules/identity/session-cookie.js';
import { AppError } from '../errors/app-error.js';
import type { RelabRequest } from './auth.types.js';
import { IS_PUBLIC } from './decorators.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Global guard: resolves the session cookie, refuses non-public routes without one, and protects
 * every state-changing request of a logged-in user with the synchroniser CSRF token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly cookie: SessionCookie;
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new SessionCookie(config);
    this.allowedOrigins = new Set([new URL(config.publicUrl).origin]);
    if (config.env === 'development') this.allowedOrigins.add('http://localhost:5173');
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<RelabRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const unsafe = !SAFE_METHODS.has(req.method);

    const origin = req.headers.origin;
    if (unsafe && origin && !this.allowedOrigins.has(origin)) {
      throw new AppError('CSRF_REJECTED', 'Cross-origin request refused');
    }

    const token = this.cookie.read(req);
    const auth = token ? await this.sessions.resolve(token) : null;
    if (auth) req.auth = auth;

    if (!auth) {
      if (isPublic) return true;
      throw new AppError(token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', token ? 'Session expired' : 'Not logged in');
    }
    if (unsafe) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameSecret(header, auth.session.csrfToken)) {
        throw new AppError('CSRF_REJECTED', 'Missing or wrong CSRF token');
      }
    }
    return true;
  }
}
