import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEventBus, type DomainEventName, type DomainEvents } from '../../common/events/domain-events.js';
import { InteractionRecorder, type InteractionInput } from './interaction-recorder.service.js';

/** Moderation actions after which a message is visible to the dialogue (and so an interaction). */
const PUBLISHING = new Set(['approve', 'restore']);
/** Most co-editing scopes kept in memory to spare the database a write per keystroke. */
const SEEN_EDITORS_MAX = 50_000;

/**
 * Turns typed domain events into interaction events (issue 7). No feature imports this module: it listens.
 * A failure here is logged (ids only) and never fails the action that emitted the event.
 */
@Injectable()
export class ActivityListener implements OnModuleInit {
  private readonly logger = new Logger('Activity');
  private readonly seenEditors = new Set<string>();

  constructor(
    private readonly events: DomainEventBus,
    private readonly recorder: InteractionRecorder,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.listen('dialogue.message_sent', (e) => (e.status === 'published' ? this.dialogueMessage(e.labId, e.messageId) : undefined));
    this.listen('dialogue.message_moderated', (e) => (PUBLISHING.has(e.action) ? this.dialogueMessage(e.labId, e.messageId) : undefined));
    this.listen('reflection.comment_added', (e) => this.comment(e));
    this.listen('reflection.content_edited', (e) => this.edited(e));
    this.listen('board.shapes_related', (e) => this.shapes(e));
    this.listen('board.vote_cast', (e) => this.vote(e));
    this.listen('session.joined', (e) => this.joined(e));
  }

  private listen<K extends DomainEventName>(name: K, handle: (payload: DomainEvents[K]) => Promise<unknown> | undefined): void {
    this.events.on(name, async (payload) => {
      try {
        await handle(payload);
      } catch (e) {
        this.logger.warn(`${name} not recorded: ${(e as Error).message}`);
      }
    });
  }

  /** A published message: a tie with the author replied to, and with each member mentioned. */
  private async dialogueMessage(labId: string, messageId: string): Promise<void> {
    const rows: Array<{ author: string | null; reply_author: string | null; mentions: string[] }> = await this.db.query(
      `SELECT m.author_member_id AS author, r.author_member_id AS reply_author, m.mentions
       FROM dialogue_messages m LEFT JOIN dialogue_messages r ON r.id = m.reply_to AND r.status = 'published'
       WHERE m.id = $1 AND m.status = 'published'`,
      [messageId],
    );
    const msg = rows[0];
    if (!msg?.author) return;
    if (msg.reply_author) await this.recorder.record(labId, 'dialogue_reply', [{ a: msg.author, b: msg.reply_author, source: `dmsg:${messageId}:reply` }]);
    const mentions = msg.mentions.map((b) => ({ a: msg.author!, b, source: `dmsg:${messageId}:mention:${b}` }));
    if (mentions.length > 0) await this.recorder.record(labId, 'dialogue_mention', mentions);
  }

  private async comment(e: DomainEvents['reflection.comment_added']): Promise<void> {
    if (!e.actorId) return;
    const users = await this.recorder.membersOf(e.labId, [e.actorId, ...(e.replyToUserId ? [e.replyToUserId] : []), ...e.mentionedUserIds]);
    const me = users.get(e.actorId);
    if (!me) return;
    const lifeDomains = await this.lifeDomains(e.reflectionId);
    const to = e.replyToUserId ? users.get(e.replyToUserId) : undefined;
    if (to) await this.recorder.record(e.labId, 'reflection_reply', [{ a: me, b: to, source: `rcom:${e.commentId}:reply` }], { lifeDomains });
    const mentions: InteractionInput[] = [];
    for (const userId of e.mentionedUserIds) {
      const b = users.get(userId);
      if (b) mentions.push({ a: me, b, source: `rcom:${e.commentId}:mention:${b}` });
    }
    if (mentions.length > 0) await this.recorder.record(e.labId, 'reflection_mention', mentions, { lifeDomains });
  }

  /**
   * Co-editing: members who edit the same reflection in the same scope (the lab's live session, or else the same
   * day) form a pair, once per scope.
   */
  private async edited(e: DomainEvents['reflection.content_edited']): Promise<void> {
    if (!e.actorId) return;
    const sessionId = await this.recorder.liveSession(e.labId);
    const scope = sessionId ? `session:${sessionId}` : `day:${new Date().toISOString().slice(0, 10)}`;
    const seen = `${e.reflectionId}|${scope}|${e.actorId}`;
    if (this.seenEditors.has(seen)) return;
    const me = (await this.recorder.membersOf(e.labId, [e.actorId])).get(e.actorId);
    if (!me) return;
    const added: unknown[] = await this.db.query(
      `INSERT INTO activity_editors (lab_id, reflection_id, scope, member_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING member_id`,
      [e.labId, e.reflectionId, scope, me],
    );
    if (this.seenEditors.size >= SEEN_EDITORS_MAX) this.seenEditors.clear();
    this.seenEditors.add(seen);
    if (added.length === 0) return;
    const others: Array<{ member_id: string }> = await this.db.query(
      `SELECT member_id FROM activity_editors WHERE reflection_id = $1 AND scope = $2 AND member_id <> $3`,
      [e.reflectionId, scope, me],
    );
    if (others.length === 0) return;
    const pairs = others.map(({ member_id: b }) => {
      const [x, y] = me < b ? [me, b] : [b, me];
      return { a: x, b: y, source: `coedit:${e.reflectionId}:${scope}:${x}:${y}` };
    });
    await this.recorder.record(e.labId, 'reflection_co_edit', pairs, { sessionId, lifeDomains: await this.lifeDomains(e.reflectionId) });
  }

  private async shapes(e: DomainEvents['board.shapes_related']): Promise<void> {
    const users = await this.recorder.membersOf(e.labId, e.userIds);
    const a = users.get(e.userIds[0]);
    const b = users.get(e.userIds[1]);
    if (!a || !b) return;
    await this.recorder.record(e.labId, e.relation === 'connect' ? 'board_connect' : 'board_group', [{ a, b, source: `board:${e.boardId}:${e.key}` }]);
  }

  private async vote(e: DomainEvents['board.vote_cast']): Promise<void> {
    if (!e.actorId || e.actorId === e.shapeAuthorId) return;
    const users = await this.recorder.membersOf(e.labId, [e.actorId, e.shapeAuthorId]);
    const a = users.get(e.actorId);
    const b = users.get(e.shapeAuthorId);
    if (!a || !b) return;
    await this.recorder.record(e.labId, 'board_vote', [{ a, b, source: `vote:${e.roundId}:${a}:${e.shapeId}` }]);
  }

  /** Co-presence in a live session: the member who came in, with everyone already seen in it. */
  private async joined(e: DomainEvents['session.joined']): Promise<void> {
    const others: Array<{ member_id: string }> = await this.db.query(
      `SELECT member_id FROM lab_session_attendance WHERE session_id = $1 AND member_id <> $2`,
      [e.sessionId, e.memberId],
    );
    const pairs = others.map(({ member_id: b }) => {
      const [x, y] = e.memberId < b ? [e.memberId, b] : [b, e.memberId];
      return { a: x, b: y, source: `presence:${e.sessionId}:${x}:${y}` };
    });
    if (pairs.length > 0) await this.recorder.record(e.labId, 'session_co_presence', pairs, { sessionId: e.sessionId });
  }

  private async lifeDomains(reflectionId: string): Promise<string[]> {
    const rows: Array<{ life_domains: string[] }> = await this.db.query(`SELECT life_domains FROM reflections WHERE id = $1`, [reflectionId]);
    return rows[0]?.life_domains ?? [];
  }
}
