import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { liveTopic, sessionNotesDocName, uuidSchema, type LabRole } from '@relab/shared';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { LiveTopics, type TopicVerdict } from '../../live/live-topics.js';
import { LiveService } from '../../live/live.service.js';
import type { User } from '../identity/user.entity.js';
import { AttendanceService } from './attendance.service.js';
import { GroundRulesService } from './ground-rules.service.js';

/**
 * The live room of a session on `/live`: topic `session:<id>`, presence tracked. Members of the session's lab who
 * accepted the lab's current ground rules may subscribe; presence while the session is live is its attendance.
 * When the ground rules change, everyone in the rooms of the lab's live and imminent sessions is checked again
 * (and asked to accept the new version), and the session notes re-check who may write.
 */
@Injectable()
export class SessionRoomTopic implements OnModuleInit {
  private readonly logger = new Logger('SessionRoom');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly topics: LiveTopics,
    private readonly live: LiveService,
    private readonly rules: GroundRulesService,
    private readonly attendance: AttendanceService,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.topics.register('session', {
      presence: true,
      authorize: (user, id) => this.authorize(user, id),
      onPresence: (id, members) => this.attendance.record(id, members),
    });
    this.events.on('lab.ground_rules_updated', (e) => this.rulesChanged(e.labId, e.actorId));
  }

  async authorize(user: User, sessionId: string): Promise<TopicVerdict> {
    if (!uuidSchema.safeParse(sessionId).success) return { ok: false, code: 'NOT_FOUND' };
    const rows: Array<{ lab_id: string; member_id: string; role: LabRole }> = await this.db.query(
      `SELECT s.lab_id, lm.id AS member_id, lm.role
       FROM lab_sessions s JOIN lab_members lm ON lm.lab_id = s.lab_id AND lm.user_id = $2
       WHERE s.id = $1`,
      [sessionId, user.id],
    );
    const me = rows[0];
    if (!me) return { ok: false, code: 'NOT_FOUND' };
    if (!(await this.rules.consentState(me.lab_id, me.member_id)).ok) return { ok: false, code: 'CONSENT_REQUIRED' };
    // the display name of a family member or returnee is the pseudonym they chose
    return { ok: true, member: { memberId: me.member_id, displayName: user.displayName, role: me.role } };
  }

  private async rulesChanged(labId: string, actorId: string | null): Promise<void> {
    try {
      const sessions: Array<{ id: string; imminent: boolean }> = await this.db.query(
        `SELECT id, (status = 'live' OR starts_at < now() + interval '1 day') AS imminent
         FROM lab_sessions WHERE lab_id = $1 AND status IN ('planned', 'live')`,
        [labId],
      );
      if (sessions.length === 0) return;
      for (const s of sessions) if (s.imminent) await this.live.recheckTopic(liveTopic('session', s.id));
      await this.events.emit('doc.access_changed', { actorId, docs: sessions.map((s) => sessionNotesDocName(s.id)) });
    } catch (e) {
      this.logger.error(`re-checking session rooms after new ground rules failed: ${(e as Error).message}`);
    }
  }
}
