import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { SessionResponse } from '@relab/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AccountsService } from './accounts.service.js';
import type { OpenedSession } from './auth.service.js';
import { SessionCookie } from './session-cookie.js';
import type { User } from './user.entity.js';
import type { AuthSession } from './auth-session.entity.js';

/** Sets the session cookie and builds the body every login-like endpoint returns. */
@Injectable()
export class SessionResponder {
  readonly cookie: SessionCookie;
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly accounts: AccountsService,
  ) {
    this.cookie = new SessionCookie(config);
  }

  /** A freshly opened session: sets the cookie, then describes it. */
  send(res: Response, opened: OpenedSession, extra: { labId?: string; dialogueId?: string | null } = {}): SessionResponse {
    this.cookie.write(res, opened.token, opened.session.persistent);
    return this.describe(res, opened.user, opened.session, { ...extra, recoveryCode: opened.recoveryCode });
  }

  /** The body for an existing or new session; never cached. */
  describe(res: Response, user: User, session: AuthSession, extra: { labId?: string; dialogueId?: string | null; recoveryCode?: string } = {}): SessionResponse {
    res.setHeader('Cache-Control', 'no-store');
    return {
      user: this.accounts.toMe(user),
      csrfToken: session.csrfToken,
      ...(extra.recoveryCode ? { recoveryCode: extra.recoveryCode } : {}),
      ...(extra.labId ? { labId: extra.labId } : {}),
      ...(extra.dialogueId ? { dialogueId: extra.dialogueId } : {}),
    };
  }
}
