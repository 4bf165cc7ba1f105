import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The collaboration core's storage: append-only update log, compacted snapshots, named versions. */
export class Collab1764000000000 implements MigrationInterface {
  name = 'Collab1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collab_updates (
        id bigserial PRIMARY KEY,
        doc_name text NOT NULL,
        data bytea NOT NULL CHECK (octet_length(data) > 0),
        user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collab_updates_doc_idx ON collab_updates (doc_name, id)`);
    // append-only: a stored update is never changed (compaction deletes rows it has merged into a snapshot)
    await q.query(`
      CREATE FUNCTION collab_updates_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'collab_updates is append-only';
      END $$`);
    await q.query(`CREATE TRIGGER collab_updates_no_update BEFORE UPDATE ON collab_updates FOR EACH ROW EXECUTE FUNCTION collab_updates_immutable()`);
    await q.query(`
      CREATE TABLE collab_snapshots (
        doc_name text PRIMARY KEY,
        data bytea NOT NULL,
        generation bigint NOT NULL CHECK (generation > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE collab_versions (
        id uuid PRIMARY KEY,
        doc_name text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('manual', 'auto', 'restore')),
        data bytea NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collab_versions_doc_idx ON collab_versions (doc_name, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collab_versions`);
    await q.query(`DROP TABLE collab_snapshots`);
    await q.query(`DROP TABLE collab_updates`);
    await q.query(`DROP FUNCTION collab_updates_immutable`);
  }
}
