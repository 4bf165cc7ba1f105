import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Integration tests run against the real PostgreSQL when TEST_DATABASE_URL is set (CI sets it),
 * each test file in a database of its own; otherwise against the embedded one, in memory.
 */
export interface TestDatabase {
  /** DATABASE_URL for the server, or undefined for the embedded database. */
  url: string | undefined;
  kind: 'postgres' | 'embedded';
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return { url: undefined, kind: 'embedded', drop: async () => {} };
  const name = `relab_test_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
