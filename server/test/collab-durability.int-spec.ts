import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until, YClient } from './support/collab-client.js';
import { TEST_REFLECTION_KEY, firstLabId, freePort, loginCookie, startServer, stopServer, type Running } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const PASSWORD = 'durability-test-password';
const EMAIL = 'facilitator@demo.relab.example';

/**
 * "Saved" means saved: a client types as fast as it can, and the server process is killed with SIGKILL right
 * inside an acknowledgement's callback, at a random moment, several times. After each restart, every update
 * that was acknowledged before the kill is in the document. (PostgreSQL server in the CI pass, the embedded
 * database on disk in the other.)
 */
describe('durability of acknowledged updates', () => {
  let db: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  let server: Running | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'relab-durability-'));
    const port = String(await freePort());
    env = {
      PORT: port, HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, NODE_ENV: 'production', LOG_LEVEL: 'warn',
      RELAB_DEMO_PASSWORD: PASSWORD, RELAB_DATA_DIR: dataDir, RELAB_REFLECTION_KEY: TEST_REFLECTION_KEY, ...(db.url ? { DATABASE_URL: db.url } : {}),
    };
  });
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('zero loss: every acknowledged update survives SIGKILL right after its acknowledgement (5 random kills)', async () => {
    const acked = new Set<string>();
    let sent = 0;
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      server = await startServer(env);
      const cookie = await loginCookie(server.url, EMAIL, PASSWORD);
      const doc = `lab-notes:${await firstLabId(server.url, cookie)}`;
      const client = await YClient.open(server.url, cookie, doc);
      await client.synced;
      // everything acknowledged in earlier rounds is there after the restart
      const present = new Set(client.xmlTexts());
      const missing = [...acked].filter((k) => !present.has(k));
      expect({ round, missing }).toEqual({ round, missing: [] });

      const killAfter = 5 + Math.floor(Math.random() * 40);
      let ackedThisRound = 0;
      const victim = server;
      await new Promise<void>((done) => {
        const tick = setInterval(() => {
          if (victim.child.exitCode !== null || victim.child.signalCode !== null || !client.socket.connected) {
            clearInterval(tick);
            return done();
          }
          // three edits per message, ~40 messages/s (under the per-socket rate limit)
          const keys = [0, 1, 2].map(() => `r${round}-u${sent++}`);
          client.doc.transact(() => keys.forEach((k) => client.appendXml(k)));
          void client.lastSend!.then((r) => {
            if (!r.ok) return;
            keys.forEach((k) => acked.add(k));
            if (++ackedThisRound === killAfter) victim.child.kill('SIGKILL'); // right inside the acknowledgement
          }, () => undefined);
        }, 25);
      });
      await new Promise((ok) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? ok(null) : victim.child.once('exit', ok)));
      client.close();
      server = null;
      expect(ackedThisRound).toBeGreaterThanOrEqual(killAfter);
    }
    server = await startServer(env);
    const cookie = await loginCookie(server.url, EMAIL, PASSWORD);
    const client = await YClient.open(server.url, cookie, `lab-notes:${await firstLabId(server.url, cookie)}`);
    await client.synced;
    await until(() => client.xmlTexts().length > 0, 5000, 'content');
    const present = new Set(client.xmlTexts());
    expect([...acked].filter((k) => !present.has(k))).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(rounds * 15);
    client.close();
    await stopServer(server);
    server = null;
  }, 180_000);
});
