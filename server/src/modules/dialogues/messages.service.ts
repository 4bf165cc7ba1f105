import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  findWatchedWords,
  maskWatchedWords,
  strongestAction,
  type DialogueMessage,
  type MessagesPage,
  type Reaction,
  type SendMessageRequest,
} from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { DialogueAccess, type Seat } from './dialogue-access.js';
import { DialogueLive } from './dialogue-live.js';
import { MessageStore } from './message-store.js';
import type { Viewer } from './message-view.js';
import { initialStatus } from './moderation-rules.js';
import { SendLimiter } from './send-limiter.js';
import { WatchedWordsService } from './watched-words.service.js';

type SendInput = Required<SendMessageRequest>;

/** What a retry must repeat exactly for its client id to be the same message. */
const requestHash = (i: SendInput) =>
  createHash('sha256').update(JSON.stringify([i.body, i.language, i.replyTo, [...new Set(i.mentions)].sort()]), 'utf8').digest('hex');

/** Writing in a dialogue: idempotent sends, fetching changes since a rev, reactions and flags. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DialogueAccess,
    private readonly store: MessageStore,
    private readonly watched: WatchedWordsService,
    private readonly limiter: SendLimiter,
    private readonly events: DomainEventBus,
    private readonly live: DialogueLive,
  ) {}

  async page(labId: string, id: string, actor: LabMember, since: number): Promise<MessagesPage> {
    const seat = await this.access.seat(labId, id, actor);
    return this.store.page(id, this.access.viewer(seat), since);
  }

  /**
   * Stores a message once per (dialogue, author, clientId): a retry with the same request returns the stored message
   * (`created: false`), a different request under the same id is CLIENT_ID_REUSED. The unique index decides, so two
   * identical requests at once store one row. Every refusal rolls the whole transaction back: nothing is stored.
   */
  async send(labId: string, id: string, actor: LabMember, input: SendInput): Promise<{ created: boolean; message: DialogueMessage }> {
    const seat = await this.access.seat(labId, id, actor);
    const viewer = this.access.viewer(seat);
    const hash = requestHash(input);
    const earlier = await this.replay(id, viewer, input.clientId, hash);
    if (earlier) return { created: false, message: earlier };
    await this.limiter.take(id, actor.id);

    const matches = findWatchedWords(input.body, input.language, await this.watched.words(labId));
    const strongest = strongestAction(matches);
    const mentions = [...new Set(input.mentions)];
    const messageId = randomUUID();
    const stored = await this.db.transaction(async (m) => {
      const locked = await this.access.seat(labId, id, actor, m, true);
      const d = locked.dialogue;
      const [{ approved }] = await m.query(
        `SELECT count(*)::int AS approved FROM dialogue_messages WHERE dialogue_id = $1 AND author_member_id = $2 AND ever_published`,
        [id, actor.id],
      );
      const { status, heldBecause } = initialStatus({ role: actor.role, mode: d.mode, firstN: d.firstN, approvedCount: approved, watched: strongest === 'block' ? null : strongest });
      const rev = Number(d.rev) + 1;
      const seq = d.lastSeq + 1;
      const inserted: unknown[] = await m.query(
        `INSERT INTO dialogue_messages (id, dialogue_id, seq, rev, status, author_member_id, author_user_id, author_role, body, language,
           reply_to, mentions, client_id, client_hash, held_because, ever_published)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::uuid[], $13, $14, $15, $16)
         ON CONFLICT (dialogue_id, author_member_id, client_id) DO NOTHING RETURNING id`,
        [messageId, id, seq, rev, status, actor.id, actor.userId, actor.role, maskWatchedWords(input.body, matches), input.language,
          input.replyTo, mentions, input.clientId, hash, heldBecause, status === 'published'],
      );
      if (inserted.length === 0) return null; // the same client id was stored meanwhile: answered below, after this rolls back nothing
      // refusals come after the insert so that a concurrent duplicate is never refused instead of replayed
      await this.checkMayWrite(m, locked);
      await this.checkSlowMode(m, locked, messageId);
      const replyToAuthor = input.replyTo ? await this.checkReply(m, id, viewer, input.replyTo) : null;
      await this.checkMentions(m, id, mentions);
      if (strongest === 'block') {
        const words = [...new Set(matches.filter((x) => x.action === 'block').map((x) => x.word))];
        throw new AppError('MESSAGE_BLOCKED', 'This message contains words that are not allowed here', { words });
      }
      await m.query(
        `UPDATE dialogues SET rev = $2, last_seq = $3, last_message_at = CASE WHEN $4 THEN now() ELSE last_message_at END WHERE id = $1`,
        [id, rev, seq, status === 'published'],
      );
      return { rev, status, replyToAuthor, userId: actor.userId };
    });
    if (!stored) {
      const again = await this.replay(id, viewer, input.clientId, hash);
      if (!again) throw new AppError('CLIENT_ID_REUSED', 'This client id was already used');
      return { created: false, message: again };
    }
    await this.events.emit('dialogue.message_sent', {
      actorId: actor.userId, labId, dialogueId: id, messageId, authorMemberId: actor.id, status: stored.status,
      replyToAuthorMemberId: stored.replyToAuthor, mentionedMemberIds: mentions,
    });
    if (stored.status === 'published') this.live.messages(id, stored.rev);
    else {
      this.live.queue(id, await this.store.pendingCount(id));
      this.live.mine(stored.userId, id, stored.rev);
    }
    return { created: true, message: (await this.store.one(id, messageId, viewer))! };
  }

  /** Adds (`on`) or withdraws a reaction; only on published messages. Idempotent both ways. */
  async react(labId: string, id: string, actor: LabMember, messageId: string, reaction: Reaction, on: boolean): Promise<DialogueMessage> {
    const changed = await this.db.transaction(async (m) => {
      const seat = await this.access.seat(labId, id, actor, m, true);
      await this.published(m, id, this.access.viewer(seat), messageId, 'Only published messages take reactions');
      await this.checkMayWrite(m, seat);
      const res: unknown = on
        ? await m.query(`INSERT INTO dialogue_reactions (message_id, member_id, reaction) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [messageId, actor.id, reaction])
        : await m.query(`DELETE FROM dialogue_reactions WHERE message_id = $1 AND member_id = $2 AND reaction = $3 RETURNING 1`, [messageId, actor.id, reaction]);
      const affected = on ? (res as unknown[]).length : (res as [unknown[], number])[1];
      return affected > 0 ? await this.store.bump(m, id, [messageId]) : null;
    });
    if (changed !== null) this.live.messages(id, changed);
    return this.view(labId, id, actor, messageId);
  }

  /** Flags a published message once; at the dialogue's threshold it is hidden until a moderator reviews it. */
  async flag(labId: string, id: string, actor: LabMember, messageId: string): Promise<DialogueMessage> {
    const outcome = await this.db.transaction(async (m) => {
      const seat = await this.access.seat(labId, id, actor, m, true);
      const viewer = this.access.viewer(seat);
      const msg = await this.store.one(id, messageId, viewer, m);
      if (!msg) throw new AppError('MESSAGE_NOT_FOUND', 'No such message');
      if (msg.flaggedByMe) return null;
      if (msg.status !== 'published') throw new AppError('MODERATION_NOT_ALLOWED', 'Only published messages can be flagged', { status: msg.status });
      if (msg.mine) throw new AppError('MODERATION_NOT_ALLOWED', 'You cannot flag your own message');
      await m.query(`INSERT INTO dialogue_flags (message_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [messageId, actor.id]);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM dialogue_flags WHERE message_id = $1`, [messageId]);
      const hide = n >= seat.dialogue.flagThreshold;
      if (hide) await m.query(`UPDATE dialogue_messages SET status = 'hidden', held_because = 'flags', moderated_at = now() WHERE id = $1`, [messageId]);
      const [{ author }] = await m.query(`SELECT author_user_id AS author FROM dialogue_messages WHERE id = $1`, [messageId]);
      return { rev: await this.store.bump(m, id, [messageId]), hide, authorUserId: author as string | null };
    });
    if (outcome) {
      const base = { actorId: actor.userId, labId, dialogueId: id, messageId };
      await this.events.emit('dialogue.message_flagged', base);
      if (outcome.hide) {
        await this.events.emit('dialogue.message_moderated', { ...base, actorId: null, action: 'hide_by_flags' });
        this.live.messages(id, outcome.rev);
        this.live.mine(outcome.authorUserId, id, outcome.rev);
      }
      this.live.queue(id, await this.store.pendingCount(id));
    }
    return this.view(labId, id, actor, messageId);
  }

  private async view(labId: string, id: string, actor: LabMember, messageId: string): Promise<DialogueMessage> {
    const seat = await this.access.seat(labId, id, actor);
    const msg = await this.store.one(id, messageId, this.access.viewer(seat));
    if (!msg) throw new AppError('MESSAGE_NOT_FOUND', 'No such message');
    return msg;
  }

  /** The message stored earlier under this client id (null: none); a different request under it is refused. */
  private async replay(id: string, viewer: Viewer, clientId: string, hash: string): Promise<DialogueMessage | null> {
    const rows: Array<{ id: string; client_hash: string }> = await this.db.query(
      `SELECT id, client_hash FROM dialogue_messages WHERE dialogue_id = $1 AND author_member_id = $2 AND client_id = $3`,
      [id, viewer.memberId, clientId],
    );
    if (!rows[0]) return null;
    if (rows[0].client_hash !== hash) throw new AppError('CLIENT_ID_REUSED', 'This client id was already used for another message');
    return this.store.one(id, rows[0].id, viewer);
  }

  /** Writing (and reacting) needs consent to the current ground rules and, for non-moderators, an open dialogue. */
  private async checkMayWrite(m: EntityManager, seat: Seat): Promise<void> {
    const d = seat.dialogue;
    const [{ v }] = await m.query(`SELECT max(version) AS v FROM dialogue_consents WHERE dialogue_id = $1 AND member_id = $2`, [d.id, seat.member.id]);
    if (v === null) throw new AppError('CONSENT_REQUIRED', 'Accept the ground rules first', { version: d.groundRulesVersion });
    if (Number(v) < d.groundRulesVersion) throw new AppError('GROUND_RULES_OUTDATED', 'The ground rules changed; accept them again', { version: d.groundRulesVersion });
    if (d.paused && !seat.moderator) throw new AppError('DIALOGUE_PAUSED', 'The dialogue is paused', { reason: d.pauseReason });
  }

  private async checkSlowMode(m: EntityManager, seat: Seat, newId: string): Promise<void> {
    const wait = seat.dialogue.slowModeSeconds;
    if (wait === 0 || seat.moderator) return;
    const [{ ago }] = await m.query(
      `SELECT EXTRACT(EPOCH FROM (clock_timestamp() - max(created_at)))::float8 AS ago FROM dialogue_messages
       WHERE dialogue_id = $1 AND author_member_id = $2 AND id <> $3`,
      [seat.dialogue.id, seat.member.id, newId],
    );
    if (ago !== null && ago < wait) throw new AppError('SLOW_MODE', 'Slow mode: wait a moment', { retryAfterSeconds: Math.max(1, Math.ceil(wait - ago)) });
  }

  /** A reply answers a published message the sender can see; returns its author (for interaction tracking). */
  private async checkReply(m: EntityManager, id: string, viewer: Viewer, replyTo: string): Promise<string | null> {
    const target = await this.published(m, id, viewer, replyTo, 'Only published messages can be answered');
    return target.author?.memberId ?? null;
  }

  private async published(m: EntityManager, id: string, viewer: Viewer, messageId: string, why: string): Promise<DialogueMessage> {
    const msg = await this.store.one(id, messageId, viewer, m);
    if (!msg) throw new AppError('MESSAGE_NOT_FOUND', 'No such message');
    if (msg.status !== 'published') throw new AppError('MODERATION_NOT_ALLOWED', why, { status: msg.status });
    return msg;
  }

  private async checkMentions(m: EntityManager, id: string, mentions: string[]): Promise<void> {
    if (mentions.length === 0) return;
    const rows: Array<{ member_id: string }> = await m.query(
      `SELECT p.member_id FROM dialogue_participants p JOIN lab_members lm ON lm.id = p.member_id
       WHERE p.dialogue_id = $1 AND p.member_id = ANY($2::uuid[]) AND lm.role <> 'observer'`,
      [id, mentions],
    );
    const found = new Set(rows.map((r) => r.member_id));
    const issues = mentions.flatMap((x, i) => (found.has(x) ? [] : [{ path: `mentions.${i}`, message: 'Not a participant of this dialogue' }]));
    if (issues.length) throw new AppError('VALIDATION_FAILED', 'Only participants can be mentioned', issues);
  }
}
