import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { randomToken, sha256 } from '../../common/auth/secrets.js';
import { hydrate, selectColumns } from '../../common/db/hydrate.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { AuthSession } from './auth-session.entity.js';
import { User } from './user.entity.js';

const TOUCH_EVERY_MS = 60_000;

/** Server-side sessions: created at every login (rotation), revoked at logout, checked on every request. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a new session and returns the cookie token (only its hash is stored). */
  async open(user: User, previousToken?: string): Promise<{ token: string; session: AuthSession }> {
    if (previousToken) await this.revoke(previousToken);
    const token = randomToken();
    const now = new Date();
    const persistent = user.kind === 'participant';
    const lifetime = persistent ? this.config.session.participantMs : this.config.session.absoluteMs;
    const session = this.sessions.create({
      idHash: sha256(token),
      userId: user.id,
      csrfToken: randomToken(),
      persistent,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
      revokedAt: null,
    });
    await this.sessions.insert(session);
    return { token, session };
  }

  /** The live session and user behind a cookie token, or null when unknown, revoked, expired, idle or disabled. */
  async resolve(token: string): Promise<AuthContext | null> {
    // one round trip for the session and its user: this runs on every request and every socket check
    const m = this.sessions.manager;
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT ${selectColumns(m, AuthSession, 's', 's_')}, ${selectColumns(m, User, 'u', 'u_')}
       FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.revoked_at IS NULL`,
      [sha256(token)],
    );
    if (!row) return null;
    const session = hydrate(m, AuthSession, row, 's_');
    const now = Date.now();
    // Participants' device sessions have no idle time-out: they come back on the same phone weeks later.
    const idleExpired = !session.persistent && now - session.lastSeenAt.getTime() > this.config.session.idleMs;
    if (session.expiresAt.getTime() <= now || idleExpired) {
      await this.sessions.update({ idHash: session.idHash }, { revokedAt: new Date() });
      return null;
    }
    const user = hydrate(m, User, row, 'u_');
    if (user.disabledAt) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = new Date(now);
      await this.sessions.update({ idHash: session.idHash }, { lastSeenAt: session.lastSeenAt });
    }
    return { user, session };
  }

  async revoke(token: string): Promise<void> {
    await this.sessions.update({ idHash: sha256(token), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of a user (account disabled, member removed). */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
