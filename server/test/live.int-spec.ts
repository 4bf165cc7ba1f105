import { randomUUID } from 'node:crypto';
import { LIVE_LIMITS } from '@relab/shared';
import { LiveClient } from './support/live-client.js';
import { TestApp, type Client } from './support/test-app.js';

/** The `/live` channel itself: handshake, topic names, limits. Features' topics are tested with each feature. */
describe('the /live channel', () => {
  let t: TestApp;
  let labId: string;
  let facilitator: Client;
  const open: LiveClient[] = [];
  const connect = async (cookie: string | null) => {
    const c = await LiveClient.open(t.url, cookie);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await TestApp.start({}, { listen: true });
    ({ labId, facilitator } = await t.lab());
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  afterAll(() => t.stop());

  test('a socket without a valid session is refused at the handshake', async () => {
    await expect(LiveClient.open(t.url, null)).rejects.toThrow('UNAUTHENTICATED');
    await expect(LiveClient.open(t.url, 'relab_sid=not-a-session')).rejects.toThrow('UNAUTHENTICATED');
  });

  test('malformed and unknown topics are refused with BAD_TOPIC; the socket stays usable', async () => {
    const c = await connect(facilitator.cookie);
    for (const topic of [undefined, null, 42, {}, '', 'dialogue', 'dialogue:', 'dialogue:not-a-uuid', `chat:${randomUUID()}`, `user:${facilitator.userId}`, 'x'.repeat(10_000)]) {
      await new Promise((r) => setTimeout(r, 1000 / LIVE_LIMITS.callsPerSecond));
      expect(await c.subscribe(topic)).toMatchObject({ ok: false, code: 'BAD_TOPIC' });
    }
    expect(c.socket.connected).toBe(true);
    expect((await facilitator.get(`/api/labs/${labId}`)).status).toBe(200);
  });

  test('topics that do not exist and topics that are not yours get the same answer, NOT_FOUND', async () => {
    const c = await connect(facilitator.cookie);
    for (const kind of ['dialogue', 'dialogue-mod', 'session']) {
      await new Promise((r) => setTimeout(r, 1000 / LIVE_LIMITS.callsPerSecond));
      expect(await c.subscribe(`${kind}:${randomUUID()}`)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
  });

  test('subscribe floods are rate-limited, and the socket recovers', async () => {
    const c = await connect(facilitator.cookie);
    const answers = await Promise.all(Array.from({ length: LIVE_LIMITS.callsPerSecond * 4 }, () => c.subscribe(`session:${randomUUID()}`)));
    expect(answers.filter((a) => !a.ok && a.code === 'RATE_LIMITED').length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await c.subscribe(`session:${randomUUID()}`)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(c.socket.connected).toBe(true);
  });

  test('logging out ends the socket', async () => {
    const other = await t.professional();
    const c = await connect(other.cookie);
    expect((await other.post('/api/auth/logout')).status).toBeLessThan(300);
    const end = Date.now() + 5000;
    while (c.socket.connected && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(c.socket.connected).toBe(false);
  });
});
