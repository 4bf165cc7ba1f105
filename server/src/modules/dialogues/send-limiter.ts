import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DIALOGUE_LIMITS } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';

/**
 * DIALOGUE_LIMITS.messagesPerMinute per member and dialogue. In memory, per process (ADR 0008): behind several
 * processes a member could send that many per process; slow mode, which is checked in PostgreSQL, is exact.
 */
@Injectable()
export class SendLimiter {
  private readonly limiter = new RateLimiterMemory({ keyPrefix: 'dialogue-send', points: DIALOGUE_LIMITS.messagesPerMinute, duration: 60 });

  async take(dialogueId: string, memberId: string): Promise<void> {
    try {
      await this.limiter.consume(`${dialogueId}:${memberId}`);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw new AppError('RATE_LIMITED', 'Too many messages; wait a moment', { retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) });
    }
  }

  /** After erasure: nothing about the member stays behind, not even a counter. */
  async forget(dialogueId: string, memberId: string): Promise<void> {
    await this.limiter.delete(`${dialogueId}:${memberId}`);
  }
}
