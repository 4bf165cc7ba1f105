// Child process: @hocuspocus/server 4.7 with its Database extension storing to PostgreSQL (table hp_documents).
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import pg from 'pg';
import { serveRpc, sleep } from './lib.mjs';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 4 });
await pool.query(`CREATE TABLE IF NOT EXISTS hp_documents (name text PRIMARY KEY, data bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);

let storing = 0;
let stores = 0;
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const r = await pool.query('SELECT data FROM hp_documents WHERE name = $1', [documentName]);
        return r.rows[0]?.data ?? null;
      },
      store: async ({ documentName, state }) => {
        storing++;
        try {
          await pool.query(
            `INSERT INTO hp_documents (name, data) VALUES ($1, $2)
             ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
            [documentName, state],
          );
          stores++;
        } finally {
          storing--;
        }
      },
    }),
  ],
});
await server.listen();
const url = `ws://127.0.0.1:${server.address.port}`;

serveRpc({
  info: () => ({ url, pid: process.pid }),
  /** Waits until every document is stored and unloaded (clients gone). */
  idle: async ({ timeoutMs = 30000 } = {}) => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (server.hocuspocus.documents.size === 0 && storing === 0) return { stores };
      await sleep(50);
    }
    throw new Error(`documents still loaded: ${[...server.hocuspocus.documents.keys()].join(', ')}`);
  },
  stop: async () => {
    await server.destroy();
    await pool.end();
    setTimeout(() => process.exit(0), 10);
    return true;
  },
});
process.send({ ready: true, url });
