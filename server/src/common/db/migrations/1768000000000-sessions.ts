import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lab sessions (issue 6): ground rules, sessions with agenda and live state, consents, hands, attendance. */
export class Sessions1768000000000 implements MigrationInterface {
  name = 'Sessions1768000000000';

  async up(q: QueryRunner): Promise<void> {
    // version 1 of every lab's ground rules is DEFAULT_GROUND_RULES (in shared) and is never stored
    await q.query(`
      CREATE TABLE lab_ground_rules (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 2),
        texts jsonb NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lab_id, version)
      )`);
    // what a member accepted: the version, and a hash of the text they were shown (in their language)
    await q.query(`
      CREATE TABLE lab_ground_rule_consents (
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
        text_hash text NOT NULL CHECK (text_hash ~ '^[0-9a-f]{64}$'),
        consented_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, version)
      )`);
    await q.query(`CREATE INDEX lab_ground_rule_consents_lab_idx ON lab_ground_rule_consents (lab_id, version)`);
    await q.query(`
      CREATE TABLE lab_sessions (
        id uuid PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        series_id uuid NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        location text,
        online_url text,
        recurrence text NOT NULL CHECK (recurrence IN ('none', 'weekly', 'biweekly', 'monthly')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'ended', 'cancelled')),
        sequence integer NOT NULL DEFAULT 0,
        current_item_id uuid,
        item_started_at timestamptz,
        timer_total_seconds integer CHECK (timer_total_seconds > 0),
        timer_remaining_seconds integer CHECK (timer_remaining_seconds >= 0),
        timer_ends_at timestamptz,
        started_at timestamptz,
        ended_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK ((timer_total_seconds IS NULL) = (timer_remaining_seconds IS NULL)),
        CHECK (timer_ends_at IS NULL OR timer_total_seconds IS NOT NULL),
        CHECK (status NOT IN ('live', 'ended') OR started_at IS NOT NULL),
        CHECK (status <> 'ended' OR ended_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX lab_sessions_lab_idx ON lab_sessions (lab_id, starts_at)`);
    await q.query(`CREATE INDEX lab_sessions_series_idx ON lab_sessions (series_id)`);
    await q.query(`
      CREATE TABLE lab_session_items (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES lab_sessions(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL,
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 240),
        kind text NOT NULL CHECK (kind IN ('discussion', 'reflection', 'board', 'dialogue')),
        ref_id uuid,
        covered_at timestamptz,
        spent_seconds integer NOT NULL DEFAULT 0 CHECK (spent_seconds >= 0),
        CHECK ((kind = 'discussion') = (ref_id IS NULL))
      )`);
    await q.query(`CREATE INDEX lab_session_items_session_idx ON lab_session_items (session_id, position)`);
    await q.query(`CREATE INDEX lab_session_items_ref_idx ON lab_session_items (ref_id) WHERE ref_id IS NOT NULL`);
    await q.query(`ALTER TABLE lab_sessions ADD CONSTRAINT lab_sessions_current_item_fk FOREIGN KEY (current_item_id) REFERENCES lab_session_items(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE lab_session_hands (
        session_id uuid NOT NULL REFERENCES lab_sessions(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        raised_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (session_id, member_id)
      )`);
    // who was in the live room while the session was live (a removed member's rows go with their membership)
    await q.query(`
      CREATE TABLE lab_session_attendance (
        session_id uuid NOT NULL REFERENCES lab_sessions(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        present boolean NOT NULL DEFAULT true,
        PRIMARY KEY (session_id, member_id),
        CHECK (last_seen_at >= first_seen_at)
      )`);
    await q.query(`
      CREATE TABLE lab_session_versions (
        session_id uuid NOT NULL REFERENCES lab_sessions(id) ON DELETE CASCADE,
        position integer NOT NULL,
        doc_name text NOT NULL,
        title text NOT NULL,
        version_id uuid REFERENCES collab_versions(id) ON DELETE SET NULL,
        PRIMARY KEY (session_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lab_session_versions, lab_session_attendance, lab_session_hands, lab_session_items, lab_sessions`);
    await q.query(`DROP TABLE lab_ground_rule_consents, lab_ground_rules`);
  }
}
