import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DialogueMessage, MessageStatus, ModerationAction, ModerationQueue } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { DialogueAccess } from './dialogue-access.js';
import { DialogueLive } from './dialogue-live.js';
import type { HeldBecause } from './dialogue-message.entity.js';
import { MessageStore } from './message-store.js';
import { transition } from './moderation-rules.js';

/** Moderators' side: approve, reject, hide, restore, and the queue. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DialogueAccess,
    private readonly store: MessageStore,
    private readonly events: DomainEventBus,
    private readonly live: DialogueLive,
  ) {}

  async queue(labId: string, id: string, actor: LabMember): Promise<ModerationQueue> {
    const seat = await this.access.seat(labId, id, actor);
    this.access.requireModerator(seat);
    return this.store.queue(id, this.access.viewer(seat));
  }

  async moderate(labId: string, id: string, actor: LabMember, messageId: string, action: ModerationAction, reason: string | undefined): Promise<DialogueMessage> {
    const done = await this.db.transaction(async (m) => {
      const seat = await this.access.seat(labId, id, actor, m, true);
      this.access.requireModerator(seat);
      const rows: Array<{ status: MessageStatus; held_because: HeldBecause | null; author_user_id: string | null; ever_published: boolean }> = await m.query(
        `SELECT status, held_because, author_user_id, ever_published FROM dialogue_messages WHERE id = $1 AND dialogue_id = $2 FOR UPDATE`,
        [messageId, id],
      );
      const msg = rows[0];
      if (!msg) throw new AppError('MESSAGE_NOT_FOUND', 'No such message');
      const next = transition(msg.status, msg.held_because, action);
      if (!next) throw new AppError('MODERATION_NOT_ALLOWED', `Cannot ${action} a message that is ${msg.status}`, { status: msg.status });
      const published = next.status === 'published';
      await m.query(
        `UPDATE dialogue_messages SET status = $2, held_because = $3, moderated_at = now(), ever_published = ever_published OR $4,
           reject_reason = CASE WHEN $5 = 'reject' THEN $6 WHEN $5 = 'approve' THEN NULL ELSE reject_reason END
         WHERE id = $1`,
        [messageId, next.status, next.heldBecause, published, action, reason ?? null],
      );
      // a restored message starts afresh: members may flag it again, and it comes back for review if they do
      if (action === 'restore') await m.query(`DELETE FROM dialogue_flags WHERE message_id = $1`, [messageId]);
      if (published && !msg.ever_published) await m.query(`UPDATE dialogues SET last_message_at = now() WHERE id = $1`, [id]);
      const rev = await this.store.bump(m, id, [messageId]);
      // what participants see changed unless the message goes from one moderators-only state to another
      const publicChange = [msg.status, next.status].some((s) => s === 'published' || s === 'hidden');
      return { rev, publicChange, authorUserId: msg.author_user_id, viewer: this.access.viewer(seat) };
    });
    await this.events.emit('dialogue.message_moderated', { actorId: actor.userId, labId, dialogueId: id, messageId, action });
    if (done.publicChange) this.live.messages(id, done.rev);
    this.live.queue(id, await this.store.pendingCount(id));
    this.live.mine(done.authorUserId, id, done.rev);
    return (await this.store.one(id, messageId, done.viewer))!;
  }
}
