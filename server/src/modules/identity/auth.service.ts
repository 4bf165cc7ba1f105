import { Injectable } from '@nestjs/common';
import type { LoginRequest } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { AccountsService } from './accounts.service.js';
import { PasswordService } from './password.service.js';
import { RateLimitService } from './rate-limit.service.js';
import { SessionsService } from './sessions.service.js';
import type { User } from './user.entity.js';
import type { AuthSession } from './auth-session.entity.js';

export interface OpenedSession {
  user: User;
  token: string;
  session: AuthSession;
  recoveryCode?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimitService,
    private readonly events: DomainEventBus,
  ) {}

  async login(body: Required<LoginRequest>, ip: string, previousToken?: string): Promise<OpenedSession> {
    await this.limits.beforeLogin(ip, body.email);
    const user = await this.accounts.findByEmail(body.email);
    const ok = await this.passwords.verify(user?.passwordHash, body.password);
    if (!user || !ok) {
      await this.limits.loginFailed(ip, body.email);
      await this.events.emit('auth.login_failed', { actorId: user?.id ?? null });
      throw new AppError('INVALID_CREDENTIALS', 'E-mail or password is wrong');
    }
    if (user.disabledAt) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    await this.limits.loginSucceeded(ip, body.email);
    const { token, session } = await this.sessions.open(user, previousToken);
    await this.events.emit('auth.login', { actorId: user.id });
    return { user, token, session };
  }

  async recover(code: string, ip: string, previousToken?: string): Promise<OpenedSession> {
    await this.limits.codeAttempt(ip);
    const found = await this.accounts.redeemRecoveryCode(code);
    if (!found) throw new AppError('INVALID_CREDENTIALS', 'Unknown recovery code');
    const { token, session } = await this.sessions.open(found.user, previousToken);
    await this.events.emit('auth.recovered', { actorId: found.user.id });
    return { user: found.user, token, session, recoveryCode: found.recoveryCode };
  }

  async logout(userId: string, token: string): Promise<void> {
    await this.sessions.revoke(token);
    await this.events.emit('auth.logout', { actorId: userId });
  }
}
