import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PresentMember } from '@relab/shared';
import { DomainEventBus } from '../../common/events/domain-events.js';

/**
 * Attendance of a live session, from the room's presence: first and last seen per member, only while the session
 * is live. Called by the live core after every presence change (a leave is reported after the reconnect grace).
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async record(sessionId: string, members: PresentMember[]): Promise<void> {
    // a leave announced after the reconnect grace may come while the server shuts down
    if (!this.db.isInitialized) return;
    const ids = [...new Set(members.map((m) => m.memberId))];
    const joined = await this.db.transaction(async (m) => {
      // the session row first, as every change of a live session does: no deadlock with the end of the session
      const live: unknown[] = await m.query(`SELECT 1 FROM lab_sessions WHERE id = $1 AND status = 'live' FOR SHARE`, [sessionId]);
      if (live.length === 0) return [];
      const touched: Array<{ member_id: string; inserted: boolean }> = await m.query(
        `INSERT INTO lab_session_attendance (session_id, member_id, first_seen_at, last_seen_at, present)
         SELECT s.id, lm.id, now(), now(), true
         FROM lab_sessions s JOIN lab_members lm ON lm.lab_id = s.lab_id
         WHERE s.id = $1 AND lm.id = ANY($2::uuid[])
         ON CONFLICT (session_id, member_id) DO UPDATE SET last_seen_at = greatest(lab_session_attendance.last_seen_at, now()), present = true
         RETURNING member_id, (xmax = 0) AS inserted`,
        [sessionId, ids],
      );
      await m.query(
        `UPDATE lab_session_attendance SET present = false, last_seen_at = greatest(last_seen_at, now())
         WHERE session_id = $1 AND present AND NOT (member_id = ANY($2::uuid[]))`,
        [sessionId, ids],
      );
      return touched.filter((t) => t.inserted).map((t) => t.member_id);
    });
    if (joined.length === 0) return;
    const who: Array<{ id: string; user_id: string; lab_id: string }> = await this.db.query(`SELECT id, user_id, lab_id FROM lab_members WHERE id = ANY($1::uuid[])`, [joined]);
    for (const m of who) await this.events.emit('session.joined', { actorId: m.user_id, labId: m.lab_id, sessionId, memberId: m.id });
  }

  /** When the session ends: whoever is still there was last seen now. */
  async closeAll(m: EntityManager, sessionId: string, now: Date): Promise<void> {
    await m.query(`UPDATE lab_session_attendance SET present = false, last_seen_at = greatest(last_seen_at, $2) WHERE session_id = $1 AND present`, [sessionId, now]);
  }
}
