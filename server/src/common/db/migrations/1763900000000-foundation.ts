import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, labs, invitations and the append-only, hash-chained audit log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('professional', 'participant')),
        email text UNIQUE CHECK (email = lower(email)),
        password_hash text,
        display_name text NOT NULL,
        language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
        municipality text,
        sector text,
        can_create_labs boolean NOT NULL DEFAULT false,
        is_admin boolean NOT NULL DEFAULT false,
        recovery_code_hash text UNIQUE,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'professional') = (email IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE auth_sessions (
        id_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        persistent boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_id_idx ON auth_sessions (user_id)`);
    await q.query(`
      CREATE TABLE labs (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        languages text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        ground_rules text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE lab_members (
        id uuid PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('facilitator', 'practitioner', 'family', 'returnee', 'observer')),
        sector text,
        joined_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (lab_id, user_id)
      )`);
    await q.query(`CREATE INDEX lab_members_user_id_idx ON lab_members (user_id)`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('professional', 'participant')),
        role text NOT NULL,
        email text,
        sector text,
        language text,
        secret_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_lab_id_idx ON invitations (lab_id)`);

    // Audit log: append-only, enforced by triggers; each row's hash covers the previous row's hash.
    // id and hashes are set inside the trigger under a transaction lock, so the chain order is the id order.
    await q.query(`CREATE SEQUENCE audit_log_id_seq`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        lab_id uuid,
        action text NOT NULL,
        resource_type text,
        resource_id text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'denied')),
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_lab_id_idx ON audit_log (lab_id)`);
    await q.query(`
      CREATE FUNCTION audit_log_row_hash(prev text, id bigint, at timestamptz, actor uuid, lab uuid,
                                         action text, rtype text, rid text, outcome text)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|', prev, id::text,
          to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(actor::text, ''), coalesce(lab::text, ''), action,
          coalesce(rtype, ''), coalesce(rid, ''), outcome), 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE prev text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7263540101);
        SELECT a.hash INTO prev FROM audit_log a ORDER BY a.id DESC LIMIT 1;
        NEW.id := nextval('audit_log_id_seq');
        NEW.at := date_trunc('milliseconds', clock_timestamp());
        NEW.prev_hash := coalesce(prev, repeat('0', 64));
        NEW.hash := audit_log_row_hash(NEW.prev_hash, NEW.id, NEW.at, NEW.actor_id, NEW.lab_id,
                                       NEW.action, NEW.resource_type, NEW.resource_id, NEW.outcome);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP SEQUENCE audit_log_id_seq`);
    await q.query(`DROP FUNCTION audit_log_chain(), audit_log_refuse_change()`);
    await q.query(`DROP FUNCTION audit_log_row_hash(text, bigint, timestamptz, uuid, uuid, text, text, text, text)`);
    await q.query(`DROP TABLE invitations, lab_members, labs, auth_sessions, users`);
  }
}
