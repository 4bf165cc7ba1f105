import { TestApp } from './support/test-app.js';

describe('health, OpenAPI and HTTP hygiene', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  test('GET /api/health reports the database', async () => {
    const res = await app.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  test('the OpenAPI description lists the API with its request schemas', async () => {
    const res = await app.anonymous().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/labs', '/api/labs/{labId}/invitations', '/api/auth/join']));
    const login = res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(expect.arrayContaining(['email', 'password']));
  });

  test('responses carry security headers and no framework banner', async () => {
    const res = await app.anonymous().get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  test('session answers are never cached', async () => {
    const pro = await app.professional();
    expect((await pro.get('/api/auth/session')).headers['cache-control']).toBe('no-store');
  });
});
