import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { parseShape, type MyVotes } from '@relab/shared';
import { DocumentManager } from '../../collab/documents/document-manager.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { BoardsService } from './boards.service.js';

interface Round {
  id: string;
  votes_per_member: number;
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('board-votes:' || $1))`;

/**
 * Dot voting. Votes live in PostgreSQL, never in the board document: nobody, not even by reading the traffic,
 * sees counts before the facilitator closes the round; then the server writes the results into the board.
 */
@Injectable()
export class VotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly boards: BoardsService,
    private readonly docs: DocumentManager,
    private readonly events: DomainEventBus,
  ) {}

  async open(labId: string, boardId: string, member: LabMember, votesPerMember: number): Promise<MyVotes> {
    await this.boards.find(labId, boardId);
    const roundId = randomUUID();
    await this.db.transaction(async (m) => {
      await m.query(LOCK, [boardId]);
      await m.query(`UPDATE board_vote_rounds SET closed_at = now() WHERE board_id = $1 AND closed_at IS NULL`, [boardId]);
      await m.query(`INSERT INTO board_vote_rounds (id, board_id, votes_per_member, opened_by) VALUES ($1, $2, $3, $4)`, [roundId, boardId, votesPerMember, member.userId]);
    });
    await this.docs.change(this.boards.ref(boardId), member.userId, (doc) => {
      doc.getMap('board').set('vote', { roundId, open: true, votesPerMember, results: null });
    });
    await this.events.emit('board.vote_opened', { actorId: member.userId, labId, boardId });
    return this.mine(labId, boardId, member);
  }

  async close(labId: string, boardId: string, member: LabMember): Promise<Record<string, number>> {
    await this.boards.find(labId, boardId);
    const closed = await this.db.transaction(async (m) => {
      await m.query(LOCK, [boardId]);
      const round = await this.openRound(m, boardId);
      if (!round) throw new AppError('VOTE_ROUND_CLOSED', 'No voting round is open');
      await m.query(`UPDATE board_vote_rounds SET closed_at = now() WHERE id = $1`, [round.id]);
      const rows: Array<{ shape_id: string; n: number }> = await m.query(
        `SELECT shape_id, count(*)::int AS n FROM board_votes WHERE round_id = $1 GROUP BY shape_id`,
        [round.id],
      );
      return { round, results: Object.fromEntries(rows.map((r) => [r.shape_id, r.n])) as Record<string, number> };
    });
    await this.docs.change(this.boards.ref(boardId), member.userId, (doc) => {
      doc.getMap('board').set('vote', { roundId: closed.round.id, open: false, votesPerMember: closed.round.votes_per_member, results: closed.results });
    });
    await this.events.emit('board.vote_closed', { actorId: member.userId, labId, boardId });
    return closed.results;
  }

  async cast(labId: string, boardId: string, member: LabMember, shapeId: string): Promise<MyVotes> {
    await this.boards.find(labId, boardId);
    const state = new Y.Doc();
    let shapeAuthorId: string;
    try {
      Y.applyUpdate(state, await this.docs.snapshot(this.boards.ref(boardId)));
      const shape = parseShape(shapeId, state.getMap('shapes').get(shapeId));
      if (!shape) throw new AppError('SHAPE_NOT_FOUND', 'No such shape on this board');
      shapeAuthorId = shape.authorId;
    } finally {
      state.destroy();
    }
    const roundId = await this.db.transaction(async (m) => {
      await m.query(LOCK, [boardId]);
      const round = await this.openRound(m, boardId);
      if (!round) throw new AppError('VOTE_ROUND_CLOSED', 'No voting round is open');
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM board_votes WHERE round_id = $1 AND user_id = $2`, [round.id, member.userId]);
      if (n >= round.votes_per_member) throw new AppError('NO_VOTES_LEFT', 'All your votes are used');
      await m.query(`INSERT INTO board_votes (round_id, user_id, shape_id) VALUES ($1, $2, $3)`, [round.id, member.userId, shapeId]);
      return round.id;
    });
    await this.events.emit('board.vote_cast', { actorId: member.userId, labId, boardId, roundId, shapeId, shapeAuthorId });
    return this.mine(labId, boardId, member);
  }

  async withdraw(labId: string, boardId: string, member: LabMember, shapeId: string): Promise<MyVotes> {
    await this.boards.find(labId, boardId);
    await this.db.transaction(async (m) => {
      await m.query(LOCK, [boardId]);
      const round = await this.openRound(m, boardId);
      if (!round) throw new AppError('VOTE_ROUND_CLOSED', 'No voting round is open');
      await m.query(
        `DELETE FROM board_votes WHERE id = (SELECT id FROM board_votes WHERE round_id = $1 AND user_id = $2 AND shape_id = $3 ORDER BY id DESC LIMIT 1)`,
        [round.id, member.userId, shapeId],
      );
    });
    return this.mine(labId, boardId, member);
  }

  async mine(labId: string, boardId: string, member: LabMember): Promise<MyVotes> {
    await this.boards.find(labId, boardId);
    const rounds: Array<Round & { closed_at: Date | null }> = await this.db.query(
      `SELECT id, votes_per_member, closed_at FROM board_vote_rounds WHERE board_id = $1 ORDER BY opened_at DESC LIMIT 1`,
      [boardId],
    );
    const round = rounds[0];
    if (!round) return { roundId: null, open: false, votesPerMember: 0, mine: [], left: 0 };
    const rows: Array<{ shape_id: string }> = await this.db.query(`SELECT shape_id FROM board_votes WHERE round_id = $1 AND user_id = $2 ORDER BY id`, [round.id, member.userId]);
    const open = round.closed_at === null;
    return { roundId: round.id, open, votesPerMember: round.votes_per_member, mine: rows.map((r) => r.shape_id), left: open ? round.votes_per_member - rows.length : 0 };
  }

  private async openRound(m: EntityManager, boardId: string): Promise<Round | null> {
    const rows: Round[] = await m.query(`SELECT id, votes_per_member FROM board_vote_rounds WHERE board_id = $1 AND closed_at IS NULL`, [boardId]);
    return rows[0] ?? null;
  }
}
