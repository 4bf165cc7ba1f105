import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bonding, bridging and linking (issue 7, ADR 0010): interaction events with member snapshots, the first
 * interaction of every pair (new ties), stable activity pseudonyms, and the lab's settings.
 */
export class Activity1769000000000 implements MigrationInterface {
  name = 'Activity1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_settings (
        lab_id uuid PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
        weights jsonb NOT NULL DEFAULT '{}',
        k_anonymity integer NOT NULL DEFAULT 3 CHECK (k_anonymity BETWEEN 2 AND 20),
        bonding_requires_same_language boolean NOT NULL DEFAULT false,
        mapping jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // one stable pseudonym number per member and lab; an erased member keeps the number, not the identity
    await q.query(`
      CREATE TABLE activity_members (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        seq integer NOT NULL,
        erased boolean NOT NULL DEFAULT false,
        PRIMARY KEY (lab_id, member_id),
        UNIQUE (lab_id, seq)
      )`);
    // member_a < member_b: a pair has one spelling. member ids are not foreign keys: erasure replaces them.
    await q.query(`
      CREATE TABLE interaction_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        day date NOT NULL,
        kind text NOT NULL,
        weight real NOT NULL CHECK (weight >= 0),
        session_id uuid REFERENCES lab_sessions(id) ON DELETE SET NULL,
        member_a uuid NOT NULL,
        member_b uuid NOT NULL,
        group_a text NOT NULL,
        tier_a smallint NOT NULL,
        lang_a text NOT NULL,
        municipality_a text,
        group_b text NOT NULL,
        tier_b smallint NOT NULL,
        lang_b text NOT NULL,
        municipality_b text,
        life_domains text[] NOT NULL DEFAULT '{}',
        source text NOT NULL,
        CHECK (member_a < member_b),
        UNIQUE (lab_id, source)
      )`);
    // the dashboard reads a lab's period from this index alone (index-only scan)
    await q.query(`
      CREATE INDEX interaction_events_lab_day_idx ON interaction_events (lab_id, day)
        INCLUDE (member_a, member_b, weight, group_a, tier_a, lang_a, group_b, tier_b, lang_b, session_id)`);
    await q.query(`CREATE INDEX interaction_events_session_idx ON interaction_events (session_id) WHERE session_id IS NOT NULL`);
    await q.query(`CREATE INDEX interaction_events_domains_idx ON interaction_events USING gin (life_domains)`);
    await q.query(`CREATE INDEX interaction_events_member_a_idx ON interaction_events (lab_id, member_a)`);
    await q.query(`CREATE INDEX interaction_events_member_b_idx ON interaction_events (lab_id, member_b)`);
    // the first interaction ever of each pair (new ties), with the snapshot of that moment
    await q.query(`
      CREATE TABLE activity_pairs (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        member_a uuid NOT NULL,
        member_b uuid NOT NULL,
        first_day date NOT NULL,
        PRIMARY KEY (lab_id, member_a, member_b)
      )`);
    await q.query(`CREATE INDEX activity_pairs_first_idx ON activity_pairs (lab_id, first_day)`);
    // who edited a reflection within one scope (a live session, or a day without one): the co-editing pairs
    await q.query(`
      CREATE TABLE activity_editors (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        reflection_id uuid NOT NULL,
        scope text NOT NULL,
        member_id uuid NOT NULL,
        first_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reflection_id, scope, member_id)
      )`);
    await q.query(`CREATE INDEX activity_editors_member_idx ON activity_editors (lab_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity_editors, activity_pairs, interaction_events, activity_members, activity_settings`);
  }
}
