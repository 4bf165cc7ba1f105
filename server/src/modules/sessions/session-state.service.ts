import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { liveTopic, type LiveState, type RaisedHand } from '@relab/shared';
import { LiveService } from '../../live/live.service.js';
import { liveState } from './live-state.js';
import { LabSession } from './session.entity.js';

/**
 * A session's live state, always read from PostgreSQL (so it survives a restart and is the same in every process),
 * and its publication to the room `session:<id>` on the `/live` channel.
 */
@Injectable()
export class SessionStateService {
  private readonly logger = new Logger('SessionState');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveService,
  ) {}

  async state(session: LabSession, m: EntityManager = this.db.manager): Promise<LiveState> {
    const hands: Array<{ member_id: string; display_name: string; raised_at: Date }> = await m.query(
      `SELECT h.member_id, u.display_name, h.raised_at
       FROM lab_session_hands h JOIN lab_members lm ON lm.id = h.member_id JOIN users u ON u.id = lm.user_id
       WHERE h.session_id = $1 ORDER BY h.raised_at, h.member_id`,
      [session.id],
    );
    const covered: Array<{ id: string }> = await m.query(
      `SELECT id FROM lab_session_items WHERE session_id = $1 AND covered_at IS NOT NULL ORDER BY covered_at, position`,
      [session.id],
    );
    const raised: RaisedHand[] = hands.map((h) => ({ memberId: h.member_id, displayName: h.display_name, raisedAt: new Date(h.raised_at).toISOString() }));
    return liveState(session, raised, covered.map((c) => c.id), new Date());
  }

  /** The current state, read fresh. Null when the session is gone. */
  async stateOf(sessionId: string): Promise<LiveState | null> {
    const session = await this.db.getRepository(LabSession).findOneBy({ id: sessionId });
    return session ? this.state(session) : null;
  }

  /**
   * Publishes the complete state, read after the change was committed. Two changes published out of order are
   * told apart by `serverNow` (a client keeps the newer state).
   */
  publish(state: LiveState): void {
    this.live.publish({ topic: liveTopic('session', state.sessionId), type: 'session.state', state });
  }

  async publishLatest(sessionId: string): Promise<void> {
    try {
      const state = await this.stateOf(sessionId);
      if (state) this.publish(state);
    } catch (e) {
      this.logger.error(`publishing a session state failed: ${(e as Error).message}`);
    }
  }

  bring(sessionId: string, itemId: string): void {
    this.live.publish({ topic: liveTopic('session', sessionId), type: 'session.bring', itemId });
  }
}
