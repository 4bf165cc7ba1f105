import { randomBytes } from 'node:crypto';
import { until, YClient } from './support/collab-client.js';
import { LiveClient } from './support/live-client.js';
import { TEST_REFLECTION_KEY, firstLabId, freePort, loginCookie, loginSession, startServer, stopServer, type Running } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const PASSWORD = 'scale-out-test-password';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two server processes on one PostgreSQL server, joined by the real Redis through the socket.io Redis adapter
 * (this suite runs in the PostgreSQL pass only: the embedded database belongs to a single process by design).
 */
describe('scale-out: two server processes sharing rooms through Redis', () => {
  let db: TestDatabase;
  const servers: Running[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    if (!db.url) throw new Error('the scale-out suite needs TEST_DATABASE_URL (a PostgreSQL server)');
    // a key prefix of its own, so parallel runs on one Redis do not hear each other
    const prefix = `relab-test-${randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 2; i++) {
      const port = String(await freePort());
      servers.push(
        await startServer({
          PORT: port, HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, NODE_ENV: 'production', LOG_LEVEL: 'warn',
          RELAB_DEMO_PASSWORD: PASSWORD, RELAB_REFLECTION_KEY: TEST_REFLECTION_KEY, DATABASE_URL: db.url, REDIS_URL, REDIS_PREFIX: prefix,
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s)));
    await db.drop();
  });

  test('clients on different processes see each other’s edits and presence, and converge (2 then 20 clients)', async () => {
    const [a, b] = servers as [Running, Running];
    const facilitator = await loginCookie(a.url, 'facilitator@demo.relab.example', PASSWORD);
    const practitioner = await loginCookie(b.url, 'social.worker@demo.relab.example', PASSWORD);
    const doc = `lab-notes:${await firstLabId(a.url, facilitator)}`;

    const onA = await YClient.open(a.url, facilitator, doc);
    const onB = await YClient.open(b.url, practitioner, doc);
    await Promise.all([onA.synced, onB.synced]);
    onA.appendXml('from process A');
    onB.appendXml('from process B');
    await Promise.all([onA.settled(), onB.settled()]);
    await until(() => onA.xmlTexts().length === 2 && onB.xmlTexts().length === 2, 10_000, 'edits across processes');
    expect(onA.xmlTexts()).toEqual(onB.xmlTexts());

    // presence crosses processes too, with the identity the server gave it
    await onA.setPresence({ cursor: { anchor: 1 } });
    await until(() => onB.awareness.getStates().get(onA.doc.clientID) !== undefined, 5000, 'presence across processes');
    expect(onB.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ cursor: { anchor: 1 }, user: { name: 'Fien Demo' } });

    // 20 clients, alternating between the two processes, all typing at once
    const clients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => YClient.open((i % 2 ? b : a).url, i % 2 ? practitioner : facilitator, doc)),
    );
    await Promise.all(clients.map((c) => c.synced));
    for (let round = 0; round < 5; round++) {
      clients.forEach((c, i) => c.appendXml(`c${i}-r${round}`));
      await new Promise((r) => setTimeout(r, 30));
    }
    await Promise.all(clients.map((c) => c.settled()));
    const all = [...clients, onA, onB];
    await until(() => all.every((c) => c.xmlTexts().length === 102), 15_000, '22 clients on two processes to converge');
    const expected = JSON.stringify(onA.xmlTexts());
    expect(all.every((c) => JSON.stringify(c.xmlTexts()) === expected)).toBe(true);
    expect(all.flatMap((c) => c.refused)).toEqual([]);
    all.forEach((c) => c.close());

    // and what both processes stored is one consistent document
    const fresh = await YClient.open(b.url, practitioner, doc);
    await fresh.synced;
    expect(JSON.stringify(fresh.xmlTexts())).toBe(expected);
    fresh.close();
  }, 60_000);

  test('removing a member on one process cuts their socket on the other', async () => {
    const [a, b] = servers as [Running, Running];
    const facilitator = await loginCookie(a.url, 'facilitator@demo.relab.example', PASSWORD);
    const observer = await loginCookie(b.url, 'observer@demo.relab.example', PASSWORD);
    const labId = await firstLabId(a.url, facilitator);
    const c = await YClient.open(b.url, observer, `lab-notes:${labId}`);
    await c.synced;
    expect(c.join).toMatchObject({ ok: true, access: 'read' });
    const session = (await (await fetch(`${a.url}/api/auth/session`, { headers: { cookie: facilitator } })).json()) as { csrfToken: string };
    const members = (await (await fetch(`${a.url}/api/labs/${labId}/members`, { headers: { cookie: facilitator } })).json()) as Array<{ id: string; displayName: string }>;
    const target = members.find((m) => m.displayName === 'Olivia Sample')!;
    const res = await fetch(`${a.url}/api/labs/${labId}/members/${target.id}`, { method: 'DELETE', headers: { cookie: facilitator, 'x-csrf-token': session.csrfToken, origin: a.url } });
    expect(res.status).toBe(204);
    await until(() => !c.socket.connected, 5000, 'socket on the other process to be cut off');
    c.close();
  }, 30_000);

  test('/live reaches every process: presence counts sockets on both, and a live session changed on one is announced on the other', async () => {
    const [a, b] = servers as [Running, Running];
    const fien = await loginSession(a.url, 'facilitator@demo.relab.example', PASSWORD);
    const jonas = await loginSession(b.url, 'justice.assistant@demo.relab.example', PASSWORD);
    const labId = await firstLabId(a.url, fien.cookie);
    const send = (r: Running, who: { cookie: string; csrf: string }, path: string, body: object = {}) =>
      fetch(`${r.url}/api/labs/${labId}${path}`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const planned = await send(a, fien, '/sessions', {
      title: 'Over twee processen',
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      durationMinutes: 60,
      agenda: [{ title: 'Kennismaking', minutes: 10, kind: 'discussion' }],
    });
    expect(planned.status).toBe(201);
    const [session] = (await planned.json()) as Array<{ id: string }>;
    const rules = (await (await fetch(`${a.url}/api/labs/${labId}/ground-rules`, { headers: { cookie: fien.cookie } })).json()) as { version: number };
    expect((await send(a, fien, `/sessions/${session!.id}/consent`, { version: rules.version })).status).toBeLessThan(300);
    expect((await send(b, jonas, `/sessions/${session!.id}/consent`, { version: rules.version })).status).toBeLessThan(300);

    const topic = `session:${session!.id}`;
    const onA = await LiveClient.open(a.url, fien.cookie);
    const onB = await LiveClient.open(b.url, jonas.cookie);
    try {
      expect(await onA.subscribe(topic)).toMatchObject({ ok: true });
      expect(await onB.subscribe(topic)).toMatchObject({ ok: true });
      // each process counts the other's socket
      await until(() => onA.lastPresence(topic)?.members.length === 2, 10_000, 'both present, seen on A');
      await until(() => onB.lastPresence(topic)?.members.length === 2, 10_000, 'both present, seen on B');
      // a change made through A reaches the subscriber on B, and one made through B reaches A
      expect((await send(a, fien, `/sessions/${session!.id}/live/start`)).status).toBeLessThan(300);
      await onB.waitFor((n) => n.type === 'session.state' && (n.state as { status: string }).status === 'live', 0, 10_000);
      expect((await send(b, jonas, `/sessions/${session!.id}/live/hand`, { raised: true })).status).toBeLessThan(300);
      await onA.waitFor((n) => n.type === 'session.state' && (n.state as { hands: unknown[] }).hands.length === 1, 0, 10_000);
      // a tab closed on B: after the grace, A sees one person left
      onB.close();
      await until(() => onA.lastPresence(topic)?.members.length === 1, 15_000, 'B to leave, seen on A');
    } finally {
      onA.close();
      onB.close();
    }
  }, 60_000);
});
