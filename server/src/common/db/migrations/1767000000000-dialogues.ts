import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The watched words every lab starts with, frozen here as they were when this migration was written (the live list
 * is DEFAULT_WATCHED_WORDS in shared; a migration must not change when shared does).
 */
const DEFAULT_WORDS = [
  ['ik maak je af', 'nl', 'block'], ['ik vermoord je', 'nl', 'block'], ['klootzak', 'nl', 'mask'], ['idioot', 'nl', 'mask'],
  ['mijn adres', 'nl', 'hold'], ['telefoonnummer', 'nl', 'hold'],
  ['je vais te tuer', 'fr', 'block'], ['connard', 'fr', 'mask'], ['imbécile', 'fr', 'mask'], ['mon adresse', 'fr', 'hold'],
  ['numéro de téléphone', 'fr', 'hold'],
  ['i will kill you', 'en', 'block'], ['bastard', 'en', 'mask'], ['idiot', 'en', 'mask'], ['my address', 'en', 'hold'], ['phone number', 'en', 'hold'],
].map(([word, language, action]) => ({ word, language, action }));

/** Moderated dialogues (issue 6): dialogues, participants, messages, reactions, flags, watched words, consents. */
export class Dialogues1767000000000 implements MigrationInterface {
  name = 'Dialogues1767000000000';

  async up(q: QueryRunner): Promise<void> {
    // rev and last_seq are the per-dialogue counters: bumped under this row's lock in the same transaction as the change
    await q.query(`
      CREATE TABLE dialogues (
        id uuid PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        title text NOT NULL,
        ground_rules text NOT NULL,
        ground_rules_version integer NOT NULL DEFAULT 1 CHECK (ground_rules_version >= 1),
        languages text[] NOT NULL,
        mode text NOT NULL CHECK (mode IN ('pre', 'post', 'first_n')),
        first_n integer NOT NULL CHECK (first_n BETWEEN 1 AND 20),
        slow_mode_seconds integer NOT NULL DEFAULT 0 CHECK (slow_mode_seconds BETWEEN 0 AND 3600),
        flag_threshold integer NOT NULL CHECK (flag_threshold BETWEEN 1 AND 20),
        paused boolean NOT NULL DEFAULT false,
        pause_reason text,
        rev bigint NOT NULL DEFAULT 0,
        last_seq integer NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dialogues_lab_idx ON dialogues (lab_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE dialogue_participants (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        moderator boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dialogue_id, member_id)
      )`);
    await q.query(`CREATE INDEX dialogue_participants_member_idx ON dialogue_participants (member_id)`);
    await q.query(`
      CREATE TABLE dialogue_consents (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        version integer NOT NULL,
        text_hash text NOT NULL,
        consented_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dialogue_id, member_id, version)
      )`);
    // reply_to is checked at commit: a send inserts first (the unique client id decides) and refuses after, by rolling back.
    // The author is kept as ids (no foreign key on the member: a member who leaves the lab keeps their name on what
    // they wrote); erasure sets every author column, the text and the client id to NULL.
    await q.query(`
      CREATE TABLE dialogue_messages (
        id uuid PRIMARY KEY,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        rev bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden', 'erased')),
        author_member_id uuid,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_role text,
        body text,
        language text CHECK (language IN ('nl', 'fr', 'en')),
        reply_to uuid REFERENCES dialogue_messages(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
        mentions uuid[] NOT NULL DEFAULT '{}',
        client_id uuid,
        client_hash text,
        held_because text CHECK (held_because IN ('pre', 'first_n', 'watched_word', 'flags')),
        reject_reason text,
        ever_published boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        moderated_at timestamptz,
        CHECK (status <> 'erased' OR (body IS NULL AND author_member_id IS NULL AND author_user_id IS NULL AND client_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX dialogue_messages_client_idx ON dialogue_messages (dialogue_id, author_member_id, client_id)`);
    await q.query(`CREATE UNIQUE INDEX dialogue_messages_seq_idx ON dialogue_messages (dialogue_id, seq)`);
    await q.query(`CREATE INDEX dialogue_messages_rev_idx ON dialogue_messages (dialogue_id, rev)`);
    await q.query(`CREATE INDEX dialogue_messages_queue_idx ON dialogue_messages (dialogue_id, seq) WHERE status = 'pending' OR held_because = 'flags'`);
    await q.query(`
      CREATE TABLE dialogue_reactions (
        message_id uuid NOT NULL REFERENCES dialogue_messages(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        reaction text NOT NULL CHECK (reaction IN ('thumbs_up', 'heart', 'pray', 'clap', 'handshake')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, member_id, reaction)
      )`);
    await q.query(`CREATE INDEX dialogue_reactions_member_idx ON dialogue_reactions (member_id)`);
    await q.query(`
      CREATE TABLE dialogue_flags (
        message_id uuid NOT NULL REFERENCES dialogue_messages(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES lab_members(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, member_id)
      )`);
    await q.query(`CREATE INDEX dialogue_flags_member_idx ON dialogue_flags (member_id)`);
    // one list per lab, replaced as a whole by its facilitators; a row exists once the lab has a list (seeded or edited)
    await q.query(`
      CREATE TABLE lab_watched_words (
        lab_id uuid PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
        words jsonb NOT NULL CHECK (jsonb_typeof(words) = 'array'),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO lab_watched_words (lab_id, words) SELECT id, $1::jsonb FROM labs`, [JSON.stringify(DEFAULT_WORDS)]);
    await q.query(`ALTER TABLE invitations ADD COLUMN dialogue_id uuid REFERENCES dialogues(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitations DROP COLUMN dialogue_id`);
    await q.query(`DROP TABLE lab_watched_words`);
    await q.query(`DROP TABLE dialogue_flags`);
    await q.query(`DROP TABLE dialogue_reactions`);
    await q.query(`DROP TABLE dialogue_messages`);
    await q.query(`DROP TABLE dialogue_consents`);
    await q.query(`DROP TABLE dialogue_participants`);
    await q.query(`DROP TABLE dialogues`);
  }
}
