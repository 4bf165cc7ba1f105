import { AuthSession } from '../src/modules/identity/auth-session.entity.js';
import { TestApp, PASSWORD } from './support/test-app.js';

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '');
const sid = (res: { headers: Record<string, unknown> }) => /relab_sid=([^;]+)/.exec(cookieOf(res))?.[1];

describe('authentication and sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
  });
  afterAll(() => app.stop());

  test('login sets an httpOnly SameSite session cookie and returns a CSRF token; the database keeps only a hash', async () => {
    const pro = await app.professional();
    const res = await app.anonymous().post('/api/auth/login').send({ email: pro.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toMatch(/HttpOnly/i);
    expect(cookieOf(res)).toMatch(/SameSite=Lax/i);
    expect(cookieOf(res)).not.toMatch(/Max-Age/i); // professionals: ends with the browser
    const token = sid(res)!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16); // ≥ 128 bits
    expect(res.body.csrfToken).toHaveLength(43);
    const rows = await app.db.query(`SELECT id_hash FROM auth_sessions WHERE id_hash = $1`, [token]);
    expect(rows).toHaveLength(0);
  });

  test('a wrong password and an unknown e-mail give the same answer', async () => {
    const pro = await app.professional();
    const wrong = await app.anonymous().post('/api/auth/login').send({ email: pro.email, password: 'wrong password!!' });
    const unknown = await app.anonymous().post('/api/auth/login').send({ email: 'nobody@test.relab.example', password: 'wrong password!!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  test('after too many failures, login is refused even with the right password', async () => {
    const pro = await app.professional();
    for (let i = 0; i < 3; i++) await app.anonymous().post('/api/auth/login').send({ email: pro.email, password: 'wrong password!!' });
    const res = await app.anonymous().post('/api/auth/login').send({ email: pro.email, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('a new login rotates the session: the previous cookie stops working', async () => {
    const pro = await app.professional();
    const http = app.anonymous();
    const first = await http.post('/api/auth/login').send({ email: pro.email, password: PASSWORD });
    // already logged in: the request carries the session's CSRF token, as the web client sends it
    const second = await http.post('/api/auth/login').set('x-csrf-token', first.body.csrfToken).send({ email: pro.email, password: PASSWORD });
    expect(second.status).toBe(200);
    expect(sid(second)).toBeDefined();
    expect(sid(first)).not.toBe(sid(second));
    const old = await app.anonymous().get('/api/auth/session').set('Cookie', `relab_sid=${sid(first)}`);
    expect(old.status).toBe(401);
    expect((await http.get('/api/auth/session')).status).toBe(200);
  });

  test('logout revokes the session on the server', async () => {
    const pro = await app.professional();
    const res = await app.anonymous().post('/api/auth/login').send({ email: pro.email, password: PASSWORD });
    const token = sid(res)!;
    const out = await app.anonymous().post('/api/auth/logout').set('Cookie', `relab_sid=${token}`).set('x-csrf-token', res.body.csrfToken);
    expect(out.status).toBe(204);
    expect((await app.anonymous().get('/api/auth/session').set('Cookie', `relab_sid=${token}`)).status).toBe(401);
  });

  test('state-changing requests without the CSRF token are refused and change nothing', async () => {
    const pro = await app.professional();
    const noToken = await pro.http.post('/api/labs').send({ name: 'CSRF lab', languages: ['nl'] });
    const wrongToken = await pro.http.post('/api/labs').set('x-csrf-token', 'x'.repeat(43)).send({ name: 'CSRF lab', languages: ['nl'] });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('CSRF_REJECTED');
    expect(wrongToken.status).toBe(403);
    expect((await pro.get('/api/labs')).body).toHaveLength(0);
  });

  test('a cross-origin state-changing request is refused', async () => {
    const pro = await app.professional();
    const res = await pro.http.post('/api/labs').set('x-csrf-token', pro.csrf).set('Origin', 'https://evil.example').send({ name: 'Evil lab', languages: ['nl'] });
    expect(res.status).toBe(403);
  });

  test('an idle session expires', async () => {
    const pro = await app.professional();
    await app.db.getRepository(AuthSession).update({ userId: pro.userId }, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    const res = await pro.get('/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  test('a session expires at its absolute time-out even when active', async () => {
    const pro = await app.professional();
    const [row] = await app.db.getRepository(AuthSession).findBy({ userId: pro.userId });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 3_600_000);
    await app.db.getRepository(AuthSession).update({ userId: pro.userId }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await pro.get('/api/auth/session')).status).toBe(401);
  });

  test('disabling an account ends its sessions and blocks login', async () => {
    const admin = await app.professional({ isAdmin: true });
    const pro = await app.professional();
    expect((await admin.post(`/api/admin/accounts/${pro.userId}/disable`)).status).toBe(204);
    expect((await pro.get('/api/labs')).status).toBe(401);
    const login = await app.anonymous().post('/api/auth/login').send({ email: pro.email, password: PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
  });

  test('removing a member ends their sessions', async () => {
    const { labId, facilitator } = await app.lab();
    const member = await app.member(labId, facilitator, 'practitioner');
    expect((await member.get(`/api/labs/${labId}`)).status).toBe(200);
    expect((await facilitator.delete(`/api/labs/${labId}/members/${member.memberId}`)).status).toBe(204);
    expect((await member.get('/api/auth/session')).status).toBe(401);
  });

  test('a lab keeps at least one facilitator', async () => {
    const { labId, facilitator } = await app.lab();
    const members = await facilitator.get(`/api/labs/${labId}/members`);
    const self = members.body[0];
    expect((await facilitator.patch(`/api/labs/${labId}/members/${self.id}`, { role: 'practitioner' })).body.code).toBe('LAST_FACILITATOR');
    expect((await facilitator.delete(`/api/labs/${labId}/members/${self.id}`)).body.code).toBe('LAST_FACILITATOR');
  });

  test('a family member cannot be given a professional role', async () => {
    const { labId, facilitator } = await app.lab();
    const fam = await app.member(labId, facilitator, 'family');
    const res = await facilitator.patch(`/api/labs/${labId}/members/${fam.memberId}`, { role: 'facilitator' });
    expect(res.status).toBe(409);
    expect((await facilitator.patch(`/api/labs/${labId}/members/${fam.memberId}`, { role: 'returnee' })).status).toBe(200);
  });

  test('a changed language is kept on the account', async () => {
    const pro = await app.professional({ language: 'nl' });
    expect((await pro.patch('/api/me', { language: 'fr' })).body.language).toBe('fr');
    expect((await pro.get('/api/auth/session')).body.user.language).toBe('fr');
  });
});

describe('cookies over HTTPS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ PUBLIC_URL: 'https://relab.example' });
  });
  afterAll(() => app.stop());

  test('the session cookie is Secure and __Host- prefixed', async () => {
    const { AccountsService } = await import('../src/modules/identity/accounts.service.js');
    await app.app.get(AccountsService).createProfessional({ email: 'https@test.relab.example', password: PASSWORD, displayName: 'Https Test', language: 'en' });
    const ok = await app.anonymous().post('/api/auth/login').send({ email: 'https@test.relab.example', password: PASSWORD });
    const cookie = cookieOf(ok);
    expect(cookie).toMatch(/^__Host-relab_sid=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});
