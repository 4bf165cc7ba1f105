import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DIALOGUE_LIMITS, type DialogueMessage, type MessagesPage, type ModerationQueue, type Reaction } from '@relab/shared';
import { toMessageDto, visibleTo, type MessageExtras, type MessageRow, type Viewer } from './message-view.js';

const SELECT = `
  SELECT m.id, m.seq, m.rev::text AS rev, m.status, m.author_member_id, m.author_role, m.author_user_id, m.body, m.language,
         m.reply_to, m.mentions::text[] AS mentions, m.client_id, m.held_because, m.reject_reason, m.created_at, m.moderated_at,
         u.display_name AS author_name, lm.role AS author_current_role,
         (SELECT count(*)::int FROM dialogue_flags f WHERE f.message_id = m.id) AS flag_count,
         EXISTS (SELECT 1 FROM dialogue_flags f WHERE f.message_id = m.id AND f.member_id = $2) AS flagged_by_me
  FROM dialogue_messages m
  LEFT JOIN users u ON u.id = m.author_user_id
  LEFT JOIN lab_members lm ON lm.id = m.author_member_id`;

/** Reads messages shaped for one viewer (visibility enforced in the query), and assigns revs. All message SQL that reads. */
@Injectable()
export class MessageStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** What changed after `since`, visible to the viewer, in rev order, one page at a time. */
  async page(dialogueId: string, viewer: Viewer, since: number): Promise<MessagesPage> {
    // every rev up to the dialogue's current one is committed (revs are assigned under the dialogue row's lock);
    // read in the same statement as the page (one snapshot, one round trip): a dialogue without changes after
    // `since` still gives one row, with the rev and no message
    const found: Array<MessageRow & { current_rev: string }> = await this.db.query(
      `SELECT d.rev::text AS current_rev, page.* FROM dialogues d
       LEFT JOIN LATERAL (${SELECT} WHERE m.dialogue_id = d.id AND m.rev > $3 AND m.rev <= d.rev ${viewer.moderator ? '' : `AND ${visibleTo(2)}`}
         ORDER BY m.rev LIMIT $4) page ON true
       WHERE d.id = $1 ORDER BY page.rev::bigint`,
      [dialogueId, viewer.memberId, since, DIALOGUE_LIMITS.page + 1],
    );
    const current = Number(found[0]?.current_rev ?? 0);
    const rows = found.filter((r) => r.id !== null);
    const more = rows.length > DIALOGUE_LIMITS.page;
    const included = rows.slice(0, DIALOGUE_LIMITS.page);
    const messages = await this.shape(this.db.manager, included, viewer);
    return { rev: more ? messages[messages.length - 1]!.rev : current, messages, more };
  }

  /** One message as the viewer sees it, or null when it is not theirs to see (or not in this dialogue). */
  async one(dialogueId: string, messageId: string, viewer: Viewer, m: EntityManager = this.db.manager): Promise<DialogueMessage | null> {
    const rows: MessageRow[] = await m.query(
      `${SELECT} WHERE m.dialogue_id = $1 AND m.id = $3 ${viewer.moderator ? '' : `AND ${visibleTo(2)}`}`,
      [dialogueId, viewer.memberId, messageId],
    );
    return rows.length ? (await this.shape(m, rows, viewer))[0]! : null;
  }

  /** Pending messages and messages hidden by flags, oldest first (moderators only: the caller checks). */
  async queue(dialogueId: string, viewer: Viewer): Promise<ModerationQueue> {
    const rows: MessageRow[] = await this.db.query(
      `${SELECT} WHERE m.dialogue_id = $1 AND (m.status = 'pending' OR (m.status = 'hidden' AND m.held_because = 'flags'))
       ORDER BY m.seq LIMIT $3`,
      [dialogueId, viewer.memberId, DIALOGUE_LIMITS.page * 2],
    );
    const messages = await this.shape(this.db.manager, rows, viewer);
    return { pending: messages.filter((x) => x.status === 'pending'), flagged: messages.filter((x) => x.status === 'hidden') };
  }

  async pendingCount(dialogueId: string, m: EntityManager = this.db.manager): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM dialogue_messages WHERE dialogue_id = $1 AND status = 'pending'`, [dialogueId]);
    return n;
  }

  /**
   * Gives each message a new rev of its own, above every rev so far, in the order given. Must run in a transaction
   * that holds the dialogue row's lock (Dialogues.lock), so revs are unique, increasing and committed in order.
   * Returns the dialogue's new rev.
   */
  async bump(m: EntityManager, dialogueId: string, messageIds: string[]): Promise<number> {
    const ids = [...new Set(messageIds)];
    // an UPDATE answers [rows, count] through TypeORM; a CTE makes it a plain SELECT
    const [row]: Array<{ base: string; rev: string }> = await m.query(
      `WITH u AS (UPDATE dialogues SET rev = rev + $2 WHERE id = $1 RETURNING rev) SELECT (rev - $2)::text AS base, rev::text AS rev FROM u`,
      [dialogueId, ids.length],
    );
    if (!row) throw new Error('bump on a dialogue that does not exist');
    if (ids.length > 0) {
      await m.query(
        `UPDATE dialogue_messages m SET rev = $3::bigint + v.n FROM unnest($2::uuid[]) WITH ORDINALITY AS v(id, n) WHERE m.id = v.id AND m.dialogue_id = $1`,
        [dialogueId, ids, row.base],
      );
    }
    return Number(row.rev);
  }

  private async shape(m: EntityManager, rows: MessageRow[], viewer: Viewer): Promise<DialogueMessage[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const reactionRows: Array<{ message_id: string; reaction: Reaction; n: number; mine: boolean }> = await m.query(
      `SELECT message_id, reaction, count(*)::int AS n, bool_or(member_id = $2) AS mine FROM dialogue_reactions
       WHERE message_id = ANY($1::uuid[]) GROUP BY message_id, reaction ORDER BY message_id, reaction`,
      [ids, viewer.memberId],
    );
    const mentioned = [...new Set(rows.flatMap((r) => r.mentions))];
    const nameRows: Array<{ id: string; display_name: string }> = mentioned.length
      ? await m.query(`SELECT lm.id, u.display_name FROM lab_members lm JOIN users u ON u.id = lm.user_id WHERE lm.id = ANY($1::uuid[])`, [mentioned])
      : [];
    const extras: MessageExtras = { reactions: new Map(), names: new Map(nameRows.map((r) => [r.id, r.display_name])) };
    for (const r of reactionRows) {
      const byReaction = extras.reactions.get(r.message_id) ?? new Map();
      byReaction.set(r.reaction, { n: r.n, mine: r.mine });
      extras.reactions.set(r.message_id, byReaction);
    }
    return rows.map((r) => toMessageDto(r, viewer, extras));
  }
}
