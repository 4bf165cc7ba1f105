import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whiteboards: the board (its content is the Yjs document `board:<id>`), dot-voting rounds and votes. */
export class Boards1766000000000 implements MigrationInterface {
  name = 'Boards1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE boards (
        id uuid PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        title text NOT NULL,
        template text NOT NULL CHECK (template IN ('blank', 'support_network', 'ties', 'retrospective')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX boards_lab_idx ON boards (lab_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE board_vote_rounds (
        id uuid PRIMARY KEY,
        board_id uuid NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        votes_per_member integer NOT NULL CHECK (votes_per_member BETWEEN 1 AND 20),
        opened_by uuid NOT NULL REFERENCES users(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    // at most one open round per board
    await q.query(`CREATE UNIQUE INDEX board_vote_rounds_open_idx ON board_vote_rounds (board_id) WHERE closed_at IS NULL`);
    await q.query(`
      CREATE TABLE board_votes (
        id bigserial PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES board_vote_rounds(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        shape_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX board_votes_round_idx ON board_votes (round_id, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE board_votes`);
    await q.query(`DROP TABLE board_vote_rounds`);
    await q.query(`DROP TABLE boards`);
  }
}
