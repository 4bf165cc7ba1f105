import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError } from '../../common/errors/app-error.js';
import { sha256 } from '../../common/auth/secrets.js';

/**
 * Brute-force protection for login and for secret codes (join, recovery, invitation preview).
 * Keys are hashed: no e-mail or IP address is kept in clear, even in memory.
 */
@Injectable()
export class RateLimitService {
  private readonly loginFailures: RateLimiterMemory;
  private readonly loginPerIp: RateLimiterMemory;
  private readonly codesPerIp: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const duration = config.rateLimit.windowSeconds;
    this.loginFailures = new RateLimiterMemory({ keyPrefix: 'lf', points: config.rateLimit.loginMaxFailures, duration });
    this.loginPerIp = new RateLimiterMemory({ keyPrefix: 'li', points: config.rateLimit.loginMaxPerIp, duration });
    this.codesPerIp = new RateLimiterMemory({ keyPrefix: 'ci', points: config.rateLimit.codeAttemptsPerIp, duration });
  }

  /** Before checking a password: refuses when this IP or this account+IP has failed too often. */
  async beforeLogin(ip: string, email: string): Promise<void> {
    await this.consume(this.loginPerIp, sha256(ip));
    const failures = await this.loginFailures.get(sha256(`${ip}|${email}`));
    if (failures && failures.consumedPoints >= this.loginFailures.points) throw this.limited(failures);
  }

  async loginFailed(ip: string, email: string): Promise<void> {
    await this.loginFailures.penalty(sha256(`${ip}|${email}`), 1);
  }

  async loginSucceeded(ip: string, email: string): Promise<void> {
    await this.loginFailures.delete(sha256(`${ip}|${email}`));
  }

  /** Every attempt to use a secret code counts, right or wrong. */
  async codeAttempt(ip: string): Promise<void> {
    await this.consume(this.codesPerIp, sha256(ip));
  }

  private async consume(limiter: RateLimiterMemory, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw this.limited(e);
      throw e;
    }
  }

  private limited(res: RateLimiterRes): AppError {
    return new AppError('RATE_LIMITED', 'Too many attempts; try again later', {
      retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000),
    });
  }
}
