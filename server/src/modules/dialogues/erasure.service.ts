import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EraseResult, MessageStatus } from '@relab/shared';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { DialogueAccess } from './dialogue-access.js';
import { DialogueLive } from './dialogue-live.js';
import { DialoguesService } from './dialogues.service.js';
import { MessageStore } from './message-store.js';
import { SendLimiter } from './send-limiter.js';

/**
 * "Erase my messages and leave": the member's messages lose their text, language, mentions, author and client id
 * (UPDATE … SET NULL, not a flag) and stay as anonymous `erased` markers that replies still point at; reactions on
 * them, the member's own reactions, flags, consents and seat are deleted; they are mentioned nowhere any more.
 * One transaction: all of it or nothing. (Old row versions stay in PostgreSQL's pages until VACUUM; ADR 0008.)
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DialogueAccess,
    private readonly dialogues: DialoguesService,
    private readonly store: MessageStore,
    private readonly limiter: SendLimiter,
    private readonly events: DomainEventBus,
    private readonly live: DialogueLive,
  ) {}

  async eraseMine(labId: string, id: string, actor: LabMember): Promise<EraseResult> {
    const me = actor.id;
    const done = await this.db.transaction(async (m) => {
      await this.access.seat(labId, id, actor, m, true);
      const mine: Array<{ id: string; status: MessageStatus; held_because: string | null }> = await m.query(
        `SELECT id, status, held_because FROM dialogue_messages WHERE dialogue_id = $1 AND author_member_id = $2 AND status <> 'erased' ORDER BY seq`,
        [id, me],
      );
      const mineIds = mine.map((r) => r.id);
      // others' messages that change too: they mention me, or carry my reaction or flag
      const touched: Array<{ id: string }> = await m.query(
        `SELECT m.id FROM dialogue_messages m WHERE m.dialogue_id = $1 AND m.status <> 'erased' AND m.author_member_id IS DISTINCT FROM $2 AND (
           $2 = ANY(m.mentions)
           OR EXISTS (SELECT 1 FROM dialogue_reactions r WHERE r.message_id = m.id AND r.member_id = $2)
           OR EXISTS (SELECT 1 FROM dialogue_flags f WHERE f.message_id = m.id AND f.member_id = $2))
         ORDER BY m.seq`,
        [id, me],
      );
      await m.query(`DELETE FROM dialogue_reactions WHERE message_id = ANY($1::uuid[])`, [mineIds]);
      await m.query(`DELETE FROM dialogue_flags WHERE message_id = ANY($1::uuid[])`, [mineIds]);
      await m.query(`DELETE FROM dialogue_reactions r USING dialogue_messages m WHERE r.message_id = m.id AND m.dialogue_id = $1 AND r.member_id = $2`, [id, me]);
      await m.query(`DELETE FROM dialogue_flags f USING dialogue_messages m WHERE f.message_id = m.id AND m.dialogue_id = $1 AND f.member_id = $2`, [id, me]);
      await m.query(
        `UPDATE dialogue_messages SET status = 'erased', author_member_id = NULL, author_user_id = NULL, author_role = NULL, body = NULL,
           language = NULL, mentions = '{}', client_id = NULL, client_hash = NULL, held_because = NULL, reject_reason = NULL, moderated_at = NULL
         WHERE id = ANY($1::uuid[])`,
        [mineIds],
      );
      await m.query(`UPDATE dialogue_messages SET mentions = array_remove(mentions, $2::uuid) WHERE dialogue_id = $1 AND $2 = ANY(mentions)`, [id, me]);
      await m.query(`DELETE FROM dialogue_consents WHERE dialogue_id = $1 AND member_id = $2`, [id, me]);
      const left = await this.dialogues.removeSeat(m, id, me);
      const changed = [...mineIds, ...touched.map((r) => r.id)];
      const rev = changed.length ? await this.store.bump(m, id, changed) : null;
      const queueChanged = mine.some((r) => r.status === 'pending' || r.held_because === 'flags') || touched.length > 0;
      return { erased: mine.length, left, rev, queueChanged };
    });
    await this.limiter.forget(id, me);
    const base = { actorId: actor.userId, labId, dialogueId: id, memberId: me };
    await this.events.emit('dialogue.messages_erased', { ...base, count: done.erased });
    if (done.left) await this.events.emit('dialogue.participant_removed', base);
    if (done.rev !== null) this.live.messages(id, done.rev);
    if (done.queueChanged) this.live.queue(id, await this.store.pendingCount(id));
    this.live.updated(id);
    await this.live.recheck(id);
    return { erased: done.erased };
  }
}
