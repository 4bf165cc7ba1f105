import { Invitation } from '../src/modules/labs/invitation.entity.js';
import { TestApp, type Client } from './support/test-app.js';

describe('invitations', () => {
  let app: TestApp;
  let labId: string;
  let facilitator: Client;

  beforeAll(async () => {
    app = await TestApp.start();
    ({ labId, facilitator } = await app.lab('Living Lab Testgem'));
  });
  afterAll(() => app.stop());

  const familyCode = async (role: 'family' | 'returnee' = 'family') => {
    const res = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role, language: 'fr' });
    expect(res.status).toBe(201);
    return res.body as { code: string; link: string; invitation: { id: string } };
  };
  const join = (code: string, displayName = 'Maman K.') =>
    app.anonymous().post('/api/auth/join').send({ code, displayName, language: 'fr' });

  describe('family and returnee codes', () => {
    test('a code is short, readable and shown once; the lab stores only its hash', async () => {
      const inv = await familyCode();
      expect(inv.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(inv.link).toBe(`/join/${inv.code}`);
      const stored = await app.db.query(`SELECT secret_hash FROM invitations WHERE id = $1`, [inv.invitation.id]);
      expect(stored[0].secret_hash).not.toContain(inv.code.replace('-', ''));
      const list = await facilitator.get(`/api/labs/${labId}/invitations`);
      expect(JSON.stringify(list.body)).not.toContain(inv.code);
    });

    test('preview tells the lab name and role without using the code', async () => {
      const inv = await familyCode('returnee');
      const res = await app.anonymous().get('/api/invitations/preview').query({ code: inv.code });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ labName: 'Living Lab Testgem', role: 'returnee', kind: 'participant' });
      expect((await join(inv.code)).status).toBe(200);
    });

    test('joining creates a pseudonymous member, a device session and a recovery code', async () => {
      const inv = await familyCode();
      const http = app.anonymous();
      const res = await http.post('/api/auth/join').send({ code: inv.code.toLowerCase().replace('-', ' '), displayName: 'Tante L.', language: 'fr' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ kind: 'participant', displayName: 'Tante L.', language: 'fr', email: null, canCreateLabs: false });
      expect(res.body.labId).toBe(labId);
      expect(res.body.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Max-Age=\d+/); // comes back on the same device
      const labs = await http.get('/api/labs');
      expect(labs.body).toEqual([expect.objectContaining({ id: labId, myRole: 'family' })]);
    });

    test('a used code cannot be used again', async () => {
      const inv = await familyCode();
      expect((await join(inv.code)).status).toBe(200);
      const again = await join(inv.code, 'Iemand anders');
      expect(again.status).toBe(410);
      expect(again.body.code).toBe('INVITATION_USED');
    });

    test('two people redeeming one code at the same moment: exactly one gets in', async () => {
      const inv = await familyCode();
      const results = await Promise.all([join(inv.code, 'Eerste'), join(inv.code, 'Tweede'), join(inv.code, 'Derde')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
      const users = await app.db.query(`SELECT count(*)::int AS n FROM users WHERE display_name IN ('Eerste', 'Tweede', 'Derde')`);
      expect(users[0].n).toBe(1);
    });

    test('a revoked code is refused and creates nobody', async () => {
      const inv = await familyCode();
      expect((await facilitator.delete(`/api/labs/${labId}/invitations/${inv.invitation.id}`)).status).toBe(204);
      const res = await join(inv.code, 'Niet binnen');
      expect(res.status).toBe(410);
      expect(res.body.code).toBe('INVITATION_REVOKED');
      const users = await app.db.query(`SELECT count(*)::int AS n FROM users WHERE display_name = 'Niet binnen'`);
      expect(users[0].n).toBe(0);
      const list = await facilitator.get(`/api/labs/${labId}/invitations`);
      expect(list.body.find((i: { id: string }) => i.id === inv.invitation.id).status).toBe('revoked');
    });

    test('an expired code is refused', async () => {
      const inv = await familyCode();
      await app.db.getRepository(Invitation).update({ id: inv.invitation.id }, { expiresAt: new Date(Date.now() - 1000) });
      const res = await join(inv.code);
      expect(res.status).toBe(410);
      expect(res.body.code).toBe('INVITATION_EXPIRED');
      expect((await app.anonymous().get('/api/invitations/preview').query({ code: inv.code })).body.code).toBe('INVITATION_EXPIRED');
    });

    test('an unknown code is a 404 and a used invitation cannot be revoked', async () => {
      expect((await join('ZZZZ-ZZZZ')).body.code).toBe('INVITATION_NOT_FOUND');
      const inv = await familyCode();
      await join(inv.code);
      expect((await facilitator.delete(`/api/labs/${labId}/invitations/${inv.invitation.id}`)).body.code).toBe('INVITATION_USED');
    });

    test('a participant comes back on a new device with the recovery code, which then changes', async () => {
      const inv = await familyCode();
      const first = await join(inv.code, 'Vader B.');
      const newDevice = app.anonymous();
      const rec = await newDevice.post('/api/auth/recover').send({ recoveryCode: first.body.recoveryCode });
      expect(rec.status).toBe(200);
      expect(rec.body.user.displayName).toBe('Vader B.');
      expect(rec.body.recoveryCode).not.toBe(first.body.recoveryCode);
      expect((await newDevice.get('/api/labs')).body[0].id).toBe(labId);
      const reuse = await app.anonymous().post('/api/auth/recover').send({ recoveryCode: first.body.recoveryCode });
      expect(reuse.status).toBe(401);
    });

    test('a logged-in participant joins a second lab with the same account', async () => {
      const inv = await familyCode();
      const http = app.anonymous();
      const first = await http.post('/api/auth/join').send({ code: inv.code, displayName: 'Zus R.', language: 'nl' });
      const other = await app.lab('Tweede lab');
      const inv2 = await other.facilitator.post(`/api/labs/${other.labId}/invitations`, { kind: 'participant', role: 'family' });
      const second = await http.post('/api/auth/join').set('x-csrf-token', first.body.csrfToken).send({ code: inv2.body.code, displayName: 'Zus R.', language: 'nl' });
      expect(second.status).toBe(200);
      expect(second.body.user.id).toBe(first.body.user.id);
      expect((await http.get('/api/labs')).body).toHaveLength(2);
    });
  });

  describe('professional e-mail invitations', () => {
    const invite = async (email: string, role = 'practitioner', sector = 'justice_assistant') => {
      const res = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'professional', email, role, sector });
      expect(res.status).toBe(201);
      return { token: (res.body.link as string).replace('/invite/', ''), id: res.body.invitation.id as string };
    };

    test('a new professional accepts with a name and a password, and can log in afterwards', async () => {
      const { token } = await invite('Nieuwe.Collega@test.relab.example');
      const preview = await app.anonymous().get('/api/invitations/preview').query({ token });
      expect(preview.body).toMatchObject({ kind: 'professional', role: 'practitioner', accountExists: false });
      const res = await app.anonymous().post('/api/auth/accept-invitation').send({ token, displayName: 'Nieuwe Collega', password: 'een lang genoeg wachtwoord', language: 'nl' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email: 'nieuwe.collega@test.relab.example', sector: 'justice_assistant', kind: 'professional' });
      const again = await app.login('nieuwe.collega@test.relab.example', 'een lang genoeg wachtwoord');
      const members = await again.get(`/api/labs/${labId}/members`);
      expect(members.body.find((m: { userId: string }) => m.userId === again.userId)).toMatchObject({ role: 'practitioner', sector: 'justice_assistant' });
    });

    test('a short password is refused and the invitation stays usable', async () => {
      const { token } = await invite('kort@test.relab.example');
      const bad = await app.anonymous().post('/api/auth/accept-invitation').send({ token, displayName: 'Kort', password: 'kort' });
      expect(bad.status).toBe(400);
      const ok = await app.anonymous().post('/api/auth/accept-invitation').send({ token, displayName: 'Kort', password: 'nu wel lang genoeg' });
      expect(ok.status).toBe(200);
    });

    test('an existing account must log in first, and only the invited account can accept', async () => {
      const existing = await app.professional();
      const stranger = await app.professional();
      const { token } = await invite(existing.email, 'observer', 'researcher');
      const anon = await app.anonymous().post('/api/auth/accept-invitation').send({ token, displayName: 'Kaper', password: 'een lang genoeg wachtwoord' });
      expect(anon.status).toBe(401);
      expect((await stranger.post('/api/auth/accept-invitation', { token })).status).toBe(403);
      expect((await existing.post('/api/auth/accept-invitation', { token })).status).toBe(200);
      expect((await existing.post('/api/auth/accept-invitation', { token })).body.code).toBe('INVITATION_USED');
    });

    test('a family code cannot be used as a professional token, nor the reverse', async () => {
      const inv = await familyCode();
      const { token } = await invite('kruis@test.relab.example');
      expect((await app.anonymous().post('/api/auth/accept-invitation').send({ token: `${inv.code}-XXXXXXXXXXXX`, displayName: 'X Y', password: 'een lang genoeg wachtwoord' })).status).toBe(404);
      expect((await join(token.slice(0, 60))).status).toBe(404);
    });
  });
});
