import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Case reflections: the reflection, its need-to-know sections, the author's encrypted key, lab templates. */
export class Reflections1765000000000 implements MigrationInterface {
  name = 'Reflections1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reflections (
        id uuid PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        title text NOT NULL,
        language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'shared')),
        life_domains text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        reviewer_id uuid REFERENCES users(id),
        review_note text,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        shared_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'in_review' OR (reviewer_id IS NOT NULL AND reviewer_id <> author_id)),
        -- four eyes, also in the database: a shared reflection was approved by someone other than its author
        CHECK (status <> 'shared' OR (approved_by IS NOT NULL AND approved_by <> author_id AND shared_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reflections_lab_idx ON reflections (lab_id, status, updated_at DESC)`);
    await q.query(`CREATE INDEX reflections_domains_idx ON reflections USING gin (life_domains)`);
    await q.query(`CREATE INDEX reflections_tags_idx ON reflections USING gin (tags)`);
    await q.query(`
      CREATE TABLE reflection_sections (
        id uuid PRIMARY KEY,
        reflection_id uuid NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
        title text NOT NULL,
        allowed_sectors text[] NOT NULL DEFAULT '{}',
        allowed_user_ids uuid[] NOT NULL DEFAULT '{}',
        position integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reflection_id, position)
      )`);
    // AES-256-GCM ciphertext of the author's key (names, pseudonyms, "not identifying" marks); never plain text
    await q.query(`
      CREATE TABLE reflection_keys (
        reflection_id uuid PRIMARY KEY REFERENCES reflections(id) ON DELETE CASCADE,
        key_id text NOT NULL,
        iv bytea NOT NULL CHECK (octet_length(iv) = 12),
        tag bytea NOT NULL CHECK (octet_length(tag) = 16),
        data bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reflection_templates (
        lab_id uuid PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
        sections jsonb NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_resource_idx`);
    await q.query(`DROP TABLE reflection_templates`);
    await q.query(`DROP TABLE reflection_keys`);
    await q.query(`DROP TABLE reflection_sections`);
    await q.query(`DROP TABLE reflections`);
  }
}
