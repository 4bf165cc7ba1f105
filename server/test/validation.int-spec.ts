import { LIMITS } from '@relab/shared';
import { TestApp, type Client } from './support/test-app.js';

/** Bad input is a clear 4xx in the `{ statusCode, code, message, details? }` shape and writes nothing. */
describe('validation of bad input', () => {
  let app: TestApp;
  let labId: string;
  let facilitator: Client;
  const countLabs = async () => (await app.db.query(`SELECT count(*)::int AS n FROM labs`))[0].n as number;
  const countInvitations = async () => (await app.db.query(`SELECT count(*)::int AS n FROM invitations`))[0].n as number;

  beforeAll(async () => {
    app = await TestApp.start();
    ({ labId, facilitator } = await app.lab());
  });
  afterAll(() => app.stop());

  const badLabs: Array<[string, unknown]> = [
    ['wrong types', { name: 42, languages: 'nl' }],
    ['an unknown field', { name: 'Lab', languages: ['nl'], ownerId: '00000000-0000-0000-0000-000000000000' }],
    ['a missing field', { languages: ['nl'] }],
    ['an unsupported language', { name: 'Lab', languages: ['de'] }],
    ['an overlong name', { name: 'x'.repeat(LIMITS.labName.max + 1), languages: ['nl'] }],
    ['an empty body', undefined],
    ['an array body', [{ name: 'Lab', languages: ['nl'] }]],
  ];
  test.each(badLabs)('creating a lab with %s is a 400 and creates nothing', async (_case, body) => {
    const before = await countLabs();
    const res = await facilitator.post('/api/labs', body as object);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(typeof res.body.message).toBe('string');
    expect(Array.isArray(res.body.details)).toBe(true);
    expect(await countLabs()).toBe(before);
  });

  test('malformed JSON is a 400 MALFORMED_JSON', async () => {
    const res = await facilitator.http.post('/api/labs').set('x-csrf-token', facilitator.csrf).set('Content-Type', 'application/json').send('{"name": "Lab", ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  test('an oversized body is a 413 and creates nothing', async () => {
    const before = await countLabs();
    const res = await facilitator.post('/api/labs', { name: 'Lab', languages: ['nl'], description: 'x'.repeat(LIMITS.maxJsonBodyBytes) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countLabs()).toBe(before);
  });

  test.each(['not-a-uuid', '1', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g'])('a malformed lab id %p is a 400 MALFORMED_ID', async (id) => {
    const res = await facilitator.get(`/api/labs/${encodeURIComponent(id)}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_ID');
  });

  test('a malformed member or invitation id is a 400 and changes nothing', async () => {
    expect((await facilitator.delete(`/api/labs/${labId}/members/abc`)).body.code).toBe('MALFORMED_ID');
    expect((await facilitator.delete(`/api/labs/${labId}/invitations/abc`)).body.code).toBe('MALFORMED_ID');
    expect((await facilitator.get(`/api/labs/${labId}/members`)).body).toHaveLength(1);
  });

  test('an unknown but well-formed lab id is a 404', async () => {
    const res = await facilitator.get('/api/labs/6f1c2b0e-8a4d-4e0b-9b1a-2c3d4e5f6a7b');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('LAB_NOT_FOUND');
  });

  test('an invitation with a participant role for a professional, or an e-mail for a family, is refused', async () => {
    const before = await countInvitations();
    expect((await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'professional', email: 'x@test.relab.example', role: 'family' })).status).toBe(400);
    expect((await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role: 'family', email: 'x@test.relab.example' })).status).toBe(400);
    expect((await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'professional', email: 'not an email', role: 'practitioner' })).status).toBe(400);
    expect((await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'alien', role: 'family' })).status).toBe(400);
    expect(await countInvitations()).toBe(before);
  });

  test('login with wrong types is a 400, not a 500', async () => {
    for (const body of [{ email: ['a'], password: 'x' }, { email: 'a@b.be', password: { $gt: '' } }, {}]) {
      const res = await app.anonymous().post('/api/auth/login').send(body);
      expect(res.status).toBe(400);
    }
  });

  test('a join with an overlong or empty display name is refused and uses up nothing', async () => {
    const inv = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role: 'family' });
    for (const displayName of ['', ' ', 'x'.repeat(LIMITS.displayName.max + 1)]) {
      const res = await app.anonymous().post('/api/auth/join').send({ code: inv.body.code, displayName, language: 'nl' });
      expect(res.status).toBe(400);
    }
    expect((await app.anonymous().post('/api/auth/join').send({ code: inv.body.code, displayName: 'Broer T.', language: 'nl' })).status).toBe(200);
  });

  test('an unknown API route is a JSON 404', async () => {
    const res = await facilitator.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  test('preview needs exactly one of code or token', async () => {
    expect((await app.anonymous().get('/api/invitations/preview')).status).toBe(400);
    expect((await app.anonymous().get('/api/invitations/preview').query({ code: 'ABCD-EFGH', token: 'x'.repeat(20) })).status).toBe(400);
    expect((await app.anonymous().get('/api/invitations/preview').query({ code: 'ABCD-EFGH', extra: '1' })).status).toBe(400);
  });
});
