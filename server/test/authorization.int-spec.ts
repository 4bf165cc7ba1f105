import { TestApp, type Client } from './support/test-app.js';

/**
 * Role × endpoint: every lab endpoint, tried by every lab role, by a facilitator of another lab
 * and anonymously. Denials must change nothing and be audited.
 */
type Who = 'facilitator' | 'practitioner' | 'family' | 'returnee' | 'observer' | 'otherLab' | 'anonymous';
const WHO: Who[] = ['facilitator', 'practitioner', 'family', 'returnee', 'observer', 'otherLab', 'anonymous'];

interface Endpoint {
  name: string;
  call: (c: Client | null, ctx: Ctx) => Promise<{ status: number }>;
  /** Expected status per caller. */
  expect: Record<Who, number>;
}

interface Ctx {
  app: TestApp;
  labId: string;
  facilitator: Client;
  clients: Record<Who, Client | null>;
}

const members = { facilitator: 200, practitioner: 200, family: 200, returnee: 200, observer: 200, otherLab: 404, anonymous: 401 };
const facilitatorsOnly = (ok: number) => ({ facilitator: ok, practitioner: 403, family: 403, returnee: 403, observer: 403, otherLab: 404, anonymous: 401 });

const send = (c: Client | null, ctx: Ctx, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object) => {
  if (!c) {
    const req = ctx.app.anonymous()[method](path);
    return body ? req.send(body) : req;
  }
  return method === 'get' ? c.get(path) : method === 'delete' ? c.delete(path) : c[method](path, body);
};

async function newTarget(ctx: Ctx, role: 'observer' | 'practitioner' = 'observer') {
  return ctx.app.member(ctx.labId, ctx.facilitator, role);
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /api/labs/:labId', call: (c, x) => send(c, x, 'get', `/api/labs/${x.labId}`), expect: members },
  { name: 'PATCH /api/labs/:labId', call: (c, x) => send(c, x, 'patch', `/api/labs/${x.labId}`, { description: 'Nieuwe beschrijving' }), expect: facilitatorsOnly(200) },
  { name: 'GET /api/labs/:labId/members', call: (c, x) => send(c, x, 'get', `/api/labs/${x.labId}/members`), expect: members },
  {
    name: 'PATCH /api/labs/:labId/members/:memberId',
    call: async (c, x) => send(c, x, 'patch', `/api/labs/${x.labId}/members/${(await newTarget(x, 'practitioner')).memberId}`, { sector: 'lawyer' }),
    expect: facilitatorsOnly(200),
  },
  {
    name: 'DELETE /api/labs/:labId/members/:memberId',
    call: async (c, x) => send(c, x, 'delete', `/api/labs/${x.labId}/members/${(await newTarget(x)).memberId}`),
    expect: facilitatorsOnly(204),
  },
  { name: 'GET /api/labs/:labId/invitations', call: (c, x) => send(c, x, 'get', `/api/labs/${x.labId}/invitations`), expect: facilitatorsOnly(200) },
  { name: 'POST /api/labs/:labId/invitations', call: (c, x) => send(c, x, 'post', `/api/labs/${x.labId}/invitations`, { kind: 'participant', role: 'family' }), expect: facilitatorsOnly(201) },
  {
    name: 'DELETE /api/labs/:labId/invitations/:invitationId',
    call: async (c, x) => {
      const inv = await x.facilitator.post(`/api/labs/${x.labId}/invitations`, { kind: 'participant', role: 'returnee' });
      return send(c, x, 'delete', `/api/labs/${x.labId}/invitations/${inv.body.invitation.id}`);
    },
    expect: facilitatorsOnly(204),
  },
];

describe('authorisation by lab role', () => {
  let app: TestApp;
  const ctx = {} as Ctx;

  beforeAll(async () => {
    app = await TestApp.start();
    const { labId, facilitator } = await app.lab('Lab A');
    const other = await app.lab('Lab B');
    Object.assign(ctx, {
      app,
      labId,
      facilitator,
      clients: {
        facilitator,
        practitioner: await app.member(labId, facilitator, 'practitioner'),
        family: await app.member(labId, facilitator, 'family'),
        returnee: await app.member(labId, facilitator, 'returnee'),
        observer: await app.member(labId, facilitator, 'observer'),
        otherLab: other.facilitator,
        anonymous: null,
      },
    });
  });
  afterAll(() => app.stop());

  const cases = ENDPOINTS.flatMap((e) => WHO.map((who) => [e.name, who, e.expect[who], e] as const));
  test.each(cases)('%s as %s → %i', async (_name, who, status, endpoint) => {
    const res = await endpoint.call(ctx.clients[who], ctx);
    expect(res.status).toBe(status);
  });

  test('a refused change leaves the lab as it was', async () => {
    const before = (await ctx.facilitator.get(`/api/labs/${ctx.labId}`)).body;
    for (const who of ['practitioner', 'family', 'otherLab'] as const) {
      await ctx.clients[who]!.patch(`/api/labs/${ctx.labId}`, { name: 'Overgenomen lab' });
    }
    expect((await ctx.facilitator.get(`/api/labs/${ctx.labId}`)).body.name).toBe(before.name);
  });

  test('refused attempts are in the audit log as denied', async () => {
    const denied = (await app.auditActions()).filter((a) => a.outcome === 'denied');
    expect(denied.some((a) => a.actor_id === ctx.clients.family!.userId && a.action.startsWith('denied PATCH'))).toBe(true);
    expect(denied.some((a) => a.actor_id === ctx.clients.otherLab!.userId && a.resource_id === ctx.labId)).toBe(true);
  });

  test('a lab list shows only the labs one belongs to', async () => {
    const a = await ctx.facilitator.get('/api/labs');
    const b = await ctx.clients.otherLab!.get('/api/labs');
    expect(a.body.map((l: { name: string }) => l.name)).toEqual(['Lab A']);
    expect(b.body.map((l: { name: string }) => l.name)).toEqual(['Lab B']);
  });

  describe('ids from another lab', () => {
    let labB: { labId: string; facilitator: Client };
    beforeAll(async () => {
      labB = await app.lab('Lab C');
    });

    test("lab A's facilitator cannot remove or change lab C's member through lab A", async () => {
      const victim = await app.member(labB.labId, labB.facilitator, 'practitioner');
      expect((await ctx.facilitator.delete(`/api/labs/${ctx.labId}/members/${victim.memberId}`)).status).toBe(404);
      expect((await ctx.facilitator.patch(`/api/labs/${ctx.labId}/members/${victim.memberId}`, { role: 'observer' })).status).toBe(404);
      const list = await labB.facilitator.get(`/api/labs/${labB.labId}/members`);
      expect(list.body.find((m: { id: string }) => m.id === victim.memberId)?.role).toBe('practitioner');
    });

    test("lab A's facilitator cannot revoke lab C's invitation through lab A", async () => {
      const inv = await labB.facilitator.post(`/api/labs/${labB.labId}/invitations`, { kind: 'participant', role: 'family' });
      expect((await ctx.facilitator.delete(`/api/labs/${ctx.labId}/invitations/${inv.body.invitation.id}`)).status).toBe(404);
      const list = await labB.facilitator.get(`/api/labs/${labB.labId}/invitations`);
      expect(list.body[0].status).toBe('pending');
    });
  });

  test('families appear by pseudonym only: no e-mail, no municipality, even to facilitators', async () => {
    await ctx.clients.family!.patch('/api/me', { municipality: 'Kleingem' });
    const asFacilitator = await ctx.facilitator.get(`/api/labs/${ctx.labId}/members`);
    const asFamily = await ctx.clients.family!.get(`/api/labs/${ctx.labId}/members`);
    for (const list of [asFacilitator.body, asFamily.body]) {
      for (const m of list.filter((x: { role: string }) => x.role === 'family' || x.role === 'returnee')) {
        expect(m.email).toBeNull();
        expect(m.municipality).toBeNull();
        expect(m.displayName).toMatch(/^Pseudo /);
      }
    }
    // professionals' e-mail addresses are for facilitators only
    expect(asFacilitator.body.some((m: { email: string | null }) => m.email !== null)).toBe(true);
    expect(asFamily.body.every((m: { email: string | null }) => m.email === null)).toBe(true);
  });

  test('only professionals can create labs', async () => {
    const res = await ctx.clients.family!.post('/api/labs', { name: 'Eigen lab', languages: ['nl'] });
    expect(res.status).toBe(403);
  });

  test('only administrators can disable accounts', async () => {
    const res = await ctx.facilitator.post(`/api/admin/accounts/${ctx.clients.practitioner!.userId}/disable`);
    expect(res.status).toBe(403);
    expect((await ctx.clients.practitioner!.get('/api/auth/session')).status).toBe(200);
  });
});
