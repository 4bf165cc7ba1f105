import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { CreateInvitationRequest, LabRole, Language, Sector, SessionResponse } from '@relab/shared';
import { loadConfig } from '../../src/config/config.js';
import { createRelabServer, type RelabServer } from '../../src/create-app.js';
import { AccountsService } from '../../src/modules/identity/accounts.service.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const PASSWORD = 'correct horse battery staple';

/** A logged-in HTTP client: session cookie and CSRF token applied to every request. */
export class Client {
  /** The session cookie (`name=value`), for socket handshakes. */
  get cookie(): string {
    const jar = (this.http as unknown as { jar: { getCookies(a: object): Array<{ name: string; value: string }> } }).jar;
    const c = jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).find((x) => x.name === 'relab_sid');
    if (!c) throw new Error('no session cookie');
    return `${c.name}=${c.value}`;
  }
  constructor(
    readonly http: ReturnType<typeof request.agent>,
    public csrf: string,
    readonly userId: string,
  ) {}
  get(path: string) {
    return this.http.get(path);
  }
  post(path: string, body?: object) {
    return this.http.post(path).set('x-csrf-token', this.csrf).send(body);
  }
  put(path: string, body?: object) {
    return this.http.put(path).set('x-csrf-token', this.csrf).send(body);
  }
  patch(path: string, body?: object) {
    return this.http.patch(path).set('x-csrf-token', this.csrf).send(body);
  }
  delete(path: string) {
    return this.http.delete(path).set('x-csrf-token', this.csrf);
  }
}

let counter = 0;

/** The whole server, with a fresh database, plus factories that build fictional people and labs. */
export class TestApp {
  private constructor(
    readonly server: RelabServer,
    private readonly database: TestDatabase,
  ) {}

  /** Starts the server on a fresh database; `listen` binds a free port (needed for sockets), see `url`. */
  static async start(env: Record<string, string> = {}, opts: { listen?: boolean; database?: TestDatabase } = {}): Promise<TestApp> {
    const database = opts.database ?? (await createTestDatabase());
    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'error', LOGIN_MAX_PER_IP: '10000', CODE_ATTEMPTS_PER_IP: '10000',
      ...(opts.listen ? { PORT: '0', HOST: '127.0.0.1' } : {}),
      ...(database.url ? { DATABASE_URL: database.url } : {}), ...env,
    });
    const server = await createRelabServer(config, { inMemory: true, listen: opts.listen });
    if (!opts.listen) await server.app.init();
    return new TestApp(server, database);
  }

  /** Base URL when started with `listen`. */
  get url(): string {
    return this.server.url.replace('localhost', '127.0.0.1');
  }

  get app(): INestApplication {
    return this.server.app;
  }
  get db(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }
  get kind() {
    return this.database.kind;
  }

  anonymous() {
    return request.agent(this.app.getHttpServer());
  }

  async stop(opts: { keepDatabase?: boolean } = {}): Promise<void> {
    await this.server.close();
    if (!opts.keepDatabase) await this.database.drop();
  }

  get testDatabase(): TestDatabase {
    return this.database;
  }

  /** A professional account (fictional), logged in. */
  async professional(opts: { sector?: Sector; language?: Language; canCreateLabs?: boolean; isAdmin?: boolean } = {}): Promise<Client & { email: string }> {
    const email = `pro${++counter}.${Date.now()}@test.relab.example`;
    await this.app.get(AccountsService).createProfessional({
      email, password: PASSWORD, displayName: `Testpersoon ${counter}`, language: opts.language ?? 'nl',
      sector: opts.sector ?? 'social_worker', canCreateLabs: opts.canCreateLabs, isAdmin: opts.isAdmin,
    });
    return Object.assign(await this.login(email), { email });
  }

  async login(email: string, password = PASSWORD): Promise<Client> {
    const http = this.anonymous();
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as SessionResponse;
    return new Client(http, body.csrfToken, body.user.id);
  }

  /** A lab whose facilitator is a new professional. */
  async lab(name = `Testlab ${++counter}`) {
    const facilitator = await this.professional();
    const res = await facilitator.post('/api/labs', { name, languages: ['nl', 'fr', 'en'] });
    if (res.status !== 201) throw new Error(`lab create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { labId: res.body.id as string, facilitator };
  }

  /** Adds a member with the given role through the real invitation flow; returns them logged in. */
  async member(labId: string, facilitator: Client, role: LabRole, opts: { sector?: Sector } = {}): Promise<Client & { memberId: string }> {
    let client: Client;
    if (role === 'family' || role === 'returnee') {
      const inv = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role } satisfies CreateInvitationRequest);
      const http = this.anonymous();
      const res = await http.post('/api/auth/join').send({ code: inv.body.code, displayName: `Pseudo ${++counter}`, language: 'fr' });
      if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
      client = new Client(http, res.body.csrfToken, res.body.user.id);
    } else {
      const pro = await this.professional({ sector: opts.sector });
      const inv = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'professional', role, email: pro.email });
      const res = await pro.post('/api/auth/accept-invitation', { token: inv.body.link.split('/').pop() });
      if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
      client = pro;
    }
    const members = await facilitator.get(`/api/labs/${labId}/members`);
    const memberId = (members.body as Array<{ id: string; userId: string }>).find((m) => m.userId === client.userId)!.id;
    return Object.assign(client, { memberId });
  }

  async auditActions(): Promise<Array<{ action: string; outcome: string; actor_id: string | null; lab_id: string | null; resource_type: string | null; resource_id: string | null }>> {
    return this.db.query(`SELECT action, outcome, actor_id, lab_id, resource_type, resource_id FROM audit_log ORDER BY id`);
  }
}
