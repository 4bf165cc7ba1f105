import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LabRole } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { LiveTopics } from '../../live/live-topics.js';
import { InvitationHooks } from '../labs/invitation-hooks.js';
import { DialogueAccess } from './dialogue-access.js';
import { DialogueLive } from './dialogue-live.js';
import { mayTakePart } from './moderation-rules.js';

/** Where dialogues plug into the rest: `/live` topic policies, and invitations straight into a dialogue. */
@Injectable()
export class DialogueIntegrations implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DialogueAccess,
    private readonly topics: LiveTopics,
    private readonly hooks: InvitationHooks,
    private readonly events: DomainEventBus,
    private readonly live: DialogueLive,
  ) {}

  onModuleInit(): void {
    // participants and moderators (lab members, never observers); "missing" and "not yours" answer alike
    this.topics.register('dialogue', {
      authorize: async (user, id) => {
        const found = await this.access.seatForUser(user, id);
        return found ? { ok: true, member: found.present } : { ok: false, code: 'NOT_FOUND' };
      },
    });
    this.topics.register('dialogue-mod', {
      authorize: async (user, id) => {
        const found = await this.access.seatForUser(user, id);
        return found?.seat.moderator ? { ok: true, member: found.present } : { ok: false, code: 'NOT_FOUND' };
      },
    });
    this.hooks.registerDialogue({ check: (labId, role, dialogueId) => this.checkInvitation(labId, role, dialogueId), enter: (m, labId, memberId, dialogueId) => this.enter(m, labId, memberId, dialogueId) });
    this.events.on('member.joined', (e) => this.joined(e.actorId, e.labId, e.memberId, e.invitationId));
  }

  private async checkInvitation(labId: string, role: LabRole, dialogueId: string): Promise<void> {
    if (!mayTakePart(role)) throw new AppError('VALIDATION_FAILED', 'Observers do not take part in dialogues', [{ path: 'dialogueId', message: 'Observers do not take part in dialogues' }]);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM dialogues WHERE id = $1 AND lab_id = $2`, [dialogueId, labId]);
    if (n === 0) throw new AppError('VALIDATION_FAILED', 'No such dialogue in this lab', [{ path: 'dialogueId', message: 'No such dialogue in this lab' }]);
  }

  /** Inside the join transaction: the new member takes their seat in the dialogue. */
  private async enter(m: EntityManager, labId: string, memberId: string, dialogueId: string): Promise<void> {
    await m.query(
      `INSERT INTO dialogue_participants (dialogue_id, member_id, moderator) SELECT id, $2, false FROM dialogues WHERE id = $1 AND lab_id = $3
       ON CONFLICT DO NOTHING`,
      [dialogueId, memberId, labId],
    );
  }

  /** After the join committed: audit the new seat and tell the dialogue. */
  private async joined(actorId: string | null, labId: string, memberId: string, invitationId: string): Promise<void> {
    const rows: Array<{ dialogue_id: string }> = await this.db.query(
      `SELECT p.dialogue_id FROM invitations i JOIN dialogue_participants p ON p.dialogue_id = i.dialogue_id AND p.member_id = $2 WHERE i.id = $1`,
      [invitationId, memberId],
    );
    for (const r of rows) {
      await this.events.emit('dialogue.participant_added', { actorId, labId, dialogueId: r.dialogue_id, memberId, moderator: false });
      this.live.updated(r.dialogue_id);
    }
  }
}
