import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server as a user starts it (`node server/dist/main.js`). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const MAIN = resolve(ROOT, 'server/dist/main.js');

/** A fixed, fictional key for server processes started with NODE_ENV=production and a database server. */
export const TEST_REFLECTION_KEY = Buffer.alloc(32, 42).toString('base64');

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

export interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Spawns the server and waits until /api/health answers. */
export async function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`exited: ${out}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { child, url, output: () => out };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`not healthy: ${out}`);
}

export async function stopServer(r: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  const exited = new Promise((ok) => r.child.once('exit', ok));
  r.child.kill(signal);
  await exited;
}

/** Logs in through the REST API and returns the session cookie (`name=value`). */
export async function loginCookie(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('relab_sid='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** A logged-in session on a running process: cookie and CSRF token, for state-changing requests. */
export async function loginSession(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('relab_sid='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie: cookie.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The demo lab's id, as seen by a logged-in member. */
export async function firstLabId(url: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/api/labs`, { headers: { cookie } });
  const labs = (await res.json()) as Array<{ id: string }>;
  if (!labs[0]) throw new Error('no lab');
  return labs[0].id;
}
