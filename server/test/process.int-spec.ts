import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, MAIN, ROOT, startServer as start, stopServer as stop } from './support/server-process.js';

const PASSWORD = 'process-test-password';

const exitOf = (env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((ok) => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => ok({ code, out }));
  });

describe('the server process', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('server/dist/main.js is missing: run `pnpm build` first (pnpm test does)');
    dataDir = mkdtempSync(join(tmpdir(), 'relab-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('refuses bad configuration with a message naming the variable, and exits', async () => {
    const { code, out } = await exitOf({ PORT: 'eighty', DATABASE_URL: 'nonsense' });
    expect(code).toBe(2);
    expect(out).toMatch(/Invalid configuration/);
    expect(out).toMatch(/PORT/);
    expect(out).toMatch(/DATABASE_URL/);
  });

  test('keeps its data across a restart, prints the demo logins once, and logs no personal data', async () => {
    const port = String(await freePort());
    const env = { PORT: port, RELAB_DATA_DIR: dataDir, RELAB_DEMO_PASSWORD: PASSWORD, NODE_ENV: 'production', PUBLIC_URL: `http://127.0.0.1:${port}` };
    const first = await start(env);
    expect(first.output()).toContain('facilitator@demo.relab.example');
    const banner = first.output().length;

    const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'facilitator@demo.relab.example', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await login.json();
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const lab = await fetch(`${first.url}/api/labs`, { method: 'POST', headers, body: JSON.stringify({ name: 'Blijvend lab', languages: ['nl'] }) });
    expect(lab.status).toBe(201);
    const invite = await (await fetch(`${first.url}/api/labs/${(await lab.json()).id}/invitations`, { method: 'POST', headers, body: JSON.stringify({ kind: 'participant', role: 'family' }) })).json();
    const join = await fetch(`${first.url}/api/auth/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: invite.code, displayName: 'Grootmoeder Q.', language: 'fr' }) });
    expect(join.status).toBe(200);
    await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'someone.else@test.relab.example', password: 'wrong-password' }) });
    await stop(first);

    const logs = first.output().slice(banner);
    expect(logs).toMatch(/POST \/api\/auth\/login 200/); // structured request lines are there…
    for (const secret of ['facilitator@demo.relab.example', 'someone.else@test.relab.example', PASSWORD, 'Grootmoeder Q.', invite.code, csrfToken, cookie.split('=')[1]]) {
      expect(logs).not.toContain(secret); // …but no addresses, names, codes or tokens
    }

    const second = await start(env);
    try {
      expect(second.output()).not.toContain('demo lab created');
      const again = await fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'facilitator@demo.relab.example', password: PASSWORD }) });
      const labs = await (await fetch(`${second.url}/api/labs`, { headers: { cookie: again.headers.get('set-cookie')!.split(';')[0] } })).json();
      expect(labs.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['Blijvend lab']));
      // the session from before the restart is still valid too: sessions live in the database
      expect((await fetch(`${second.url}/api/auth/session`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await stop(second);
    }
  });

  test('a change acknowledged by the embedded database survives SIGKILL of the process', async () => {
    const killDir = mkdtempSync(join(tmpdir(), 'relab-kill-'));
    const port = String(await freePort());
    const env = { PORT: port, RELAB_DATA_DIR: killDir, RELAB_DEMO_PASSWORD: PASSWORD, NODE_ENV: 'production', PUBLIC_URL: `http://127.0.0.1:${port}` };
    const loginTo = async (url: string) => {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'facilitator@demo.relab.example', password: PASSWORD }) });
      const { csrfToken } = await res.json();
      return { 'content-type': 'application/json', cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken };
    };
    try {
      const first = await start(env);
      const headers = await loginTo(first.url);
      const names = ['Na kill 1', 'Na kill 2', 'Na kill 3'];
      for (const name of names) {
        expect((await fetch(`${first.url}/api/labs`, { method: 'POST', headers, body: JSON.stringify({ name, languages: ['nl'] }) })).status).toBe(201);
      }
      const killed = new Promise((ok) => first.child.once('exit', ok));
      first.child.kill('SIGKILL');
      await killed;
      const second = await start(env);
      try {
        const labs = await (await fetch(`${second.url}/api/labs`, { headers: await loginTo(second.url) })).json();
        expect(labs.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(names));
      } finally {
        await stop(second);
      }
    } finally {
      rmSync(killDir, { recursive: true, force: true });
    }
  });
});
