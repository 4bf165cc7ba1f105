/** Talking to a running RELAB server from Node the way a browser would: session cookie and CSRF token. */
export interface NodeSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  displayName: string;
}

export const DEMO_LAB_NAME = 'Demo Living Lab Mechelen-Vilvoorde (fictief)';

/** Demo accounts (server/src/modules/demo): fictional people of the demo lab. */
export const DEMO = {
  facilitator: 'facilitator@demo.relab.example',
  justiceAssistant: 'justice.assistant@demo.relab.example',
  socialWorker: 'social.worker@demo.relab.example',
  imam: 'imam@demo.relab.example',
  police: 'police@demo.relab.example',
  judge: 'judge@demo.relab.example',
  observer: 'observer@demo.relab.example',
} as const;

export async function login(baseUrl: string, email: string, password: string): Promise<NodeSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { id: string; displayName: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id, displayName: body.user.displayName };
}

export async function call<T>(baseUrl: string, session: NodeSession, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: {
      cookie: session.cookie,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, data: (text ? JSON.parse(text) : undefined) as T };
}

/** Polls `check` until it returns true (or throws after `timeoutMs`, naming what was awaited). */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
