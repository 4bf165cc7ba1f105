import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '../src/common/db/embedded-postgres.js';
import { databaseOptions } from '../src/common/db/database.options.js';
import { MIGRATIONS } from '../src/common/db/migrations/index.js';
import { createTestDatabase } from './support/test-db.js';

const EXPECTED_TABLES = [
  'activity_bitmaps', 'activity_editors', 'activity_members', 'activity_pair_months', 'activity_pairs', 'activity_settings', 'activity_spans',
  'audit_log', 'auth_sessions', 'board_vote_rounds', 'board_votes', 'boards', 'collab_snapshots', 'collab_updates', 'collab_versions',
  'dialogue_consents', 'dialogue_flags', 'dialogue_messages', 'dialogue_participants', 'dialogue_reactions', 'dialogues', 'interaction_events', 'invitations', 'lab_watched_words', 'lab_ground_rule_consents', 'lab_ground_rules', 'lab_members', 'lab_session_attendance', 'lab_session_hands',
  'lab_session_items', 'lab_session_versions', 'lab_sessions', 'labs',
  'reflection_keys', 'reflection_sections', 'reflection_templates', 'reflections', 'users',
];

/** The same migrations on an empty embedded database and, when TEST_DATABASE_URL is set, on the PostgreSQL server. */
const targets: Array<[string, () => Promise<{ url: string; embedded: boolean; done: () => Promise<void> }>]> = [
  ['embedded PGlite', async () => {
    const pg = await EmbeddedPostgres.start();
    return { url: pg.url, embedded: true, done: () => pg.stop() };
  }],
];
if (process.env.TEST_DATABASE_URL) {
  targets.push(['PostgreSQL server', async () => {
    const db = await createTestDatabase();
    return { url: db.url!, embedded: false, done: () => db.drop() };
  }]);
}

describe.each(targets)('migrations on an empty %s', (_name, open) => {
  let target: Awaited<ReturnType<typeof open>>;
  let ds: DataSource;
  beforeAll(async () => {
    target = await open();
    ds = new DataSource({ ...(databaseOptions(target.url, target.embedded) as object), migrationsRun: false, logging: false } as never);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await target.done();
  });

  test('apply from nothing, creating snake_case tables', async () => {
    const applied = await ds.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
    const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name).sort()).toEqual([...EXPECTED_TABLES].sort());
    const columns = await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'`);
    for (const c of columns) expect(c.column_name).toMatch(/^[a-z0-9_]+$/);
  });

  test('are a no-op when run again', async () => {
    expect(await ds.runMigrations()).toEqual([]);
  });

  test('every entity column exists in the migrated schema with its type and nullability', async () => {
    // constraints, indexes and triggers live only in migrations; columns must agree with the entities
    const sql = await ds.driver.createSchemaBuilder().log();
    const columnChanges = sql.upQueries.map((q) => q.query).filter((q) => /CREATE TABLE|ADD "|DROP COLUMN|TYPE |NOT NULL/.test(q));
    expect(columnChanges).toEqual([]);
  });

  test('revert cleanly to an empty schema', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
    expect(tables).toEqual([]);
  });
});
