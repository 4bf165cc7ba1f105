import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { COLLAB_LIMITS, type VersionContent, type VersionSummary } from '@relab/shared';
import { until, YClient } from './support/collab-client.js';
import { TestApp } from './support/test-app.js';
import { registerTestDocType } from './support/test-doc-type.js';

const stored = async (t: TestApp, doc: string) => {
  const [u] = await t.db.query(`SELECT count(*)::int AS n FROM collab_updates WHERE doc_name = $1`, [doc]);
  const [s] = await t.db.query(`SELECT generation FROM collab_snapshots WHERE doc_name = $1`, [doc]);
  return { updates: u.n as number, generation: s ? Number(s.generation) : 0 };
};

describe('collaboration core: versions, compaction, unloading, metrics', () => {
  let t: TestApp;
  let access: ReturnType<typeof registerTestDocType>;
  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    access = registerTestDocType(t);
  });
  afterAll(() => t.stop());
  const path = (doc: string) => `/api/collab/docs/${encodeURIComponent(doc)}/versions`;

  test('named versions are saved, listed, viewed and restored as a new change that everyone receives live', async () => {
    const pro = await t.professional();
    const doc = `test-doc:${randomUUID()}`;
    const a = await YClient.open(t.url, pro.cookie, doc);
    const b = await YClient.open(t.url, pro.cookie, doc);
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('content').insert(0, 'first draft');
    a.doc.getMap('meta').set('status', 'draft');
    await a.settled();

    const saved = await pro.post(path(doc), { name: 'Before the session' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ doc, name: 'Before the session', kind: 'manual', createdBy: expect.any(String) });

    a.doc.getText('content').delete(0, 5);
    a.doc.getText('content').insert(0, 'second');
    a.doc.getMap('meta').set('status', 'final');
    a.doc.getMap('meta').set('extra', 1);
    await a.settled();
    await until(() => b.text() === 'second draft', 5000, 'b to see the edit');

    const list = await pro.get(path(doc));
    expect((list.body as VersionSummary[]).map((v) => v.name)).toEqual(['Before the session']);
    const view = await pro.get(`${path(doc)}/${saved.body.id}`);
    const old = new Y.Doc();
    Y.applyUpdate(old, Buffer.from((view.body as VersionContent).state, 'base64'));
    expect(old.getText('content').toString()).toBe('first draft');

    const historyBefore = Y.encodeStateVector(b.doc);
    const restored = await pro.post(`${path(doc)}/${saved.body.id}/restore`);
    expect(restored.status).toBe(204);
    await until(() => b.text() === 'first draft' && b.doc.getMap('meta').get('status') === 'draft', 5000, 'the restore to arrive live');
    expect(b.doc.getMap('meta').has('extra')).toBe(false);
    // a new change on top: the state vector only grew, nothing was rewritten
    const after = Y.decodeStateVector(Y.encodeStateVector(b.doc));
    for (const [client, clock] of Y.decodeStateVector(historyBefore)) expect(after.get(client)).toBeGreaterThanOrEqual(clock);
    expect((await pro.get(path(doc))).body.map((v: VersionSummary) => v.kind)).toEqual(['restore', 'manual']);
    a.close();
    b.close();
  });

  test('versions need read access to list and write access to save or restore; others get 404', async () => {
    const owner = await t.professional();
    const reader = await t.professional();
    const stranger = await t.professional();
    const doc = `test-doc:${randomUUID()}`;
    access.set(reader.userId, 'read');
    access.set(stranger.userId, 'none');
    const saved = await owner.post(path(doc), { name: 'v1' });
    expect(saved.status).toBe(201);
    expect((await reader.get(path(doc))).status).toBe(200);
    expect((await reader.post(path(doc), { name: 'mine' })).status).toBe(403);
    expect((await reader.post(`${path(doc)}/${saved.body.id}/restore`)).status).toBe(403);
    expect((await stranger.get(path(doc))).status).toBe(404);
    expect((await stranger.get(`${path(doc)}/${saved.body.id}`)).status).toBe(404);
    expect((await owner.get(`${path(doc)}/${randomUUID()}`)).body.code).toBe('VERSION_NOT_FOUND');
    expect((await owner.get(`${path(doc)}/not-a-uuid`)).status).toBe(400);
    expect((await owner.post(path(doc), { name: '' })).status).toBe(400);
    expect((await owner.post(path(doc), { name: 'x'.repeat(COLLAB_LIMITS.versionName.max + 1) })).status).toBe(400);
    expect((await owner.get(path('unknown-type:abc'))).status).toBe(404);
    expect((await owner.get(path('no colon'))).status).toBe(404);
  });

  test('the update log is compacted into a snapshot (generation grows), and loading snapshot + log gives the same text', async () => {
    const pro = await t.professional();
    const doc = `test-doc:${randomUUID()}`;
    const a = await YClient.open(t.url, pro.cookie, doc);
    await a.synced;
    const n = COLLAB_LIMITS.compactAfterUpdates + 50;
    for (let i = 0; i < n; i++) {
      a.doc.getText('content').insert(i, String(i % 10));
      if (i % 40 === 39) {
        await a.settled(); // stay under the per-socket rate limit
        await new Promise((r) => setTimeout(r, 700));
      }
    }
    await a.settled();
    expect(a.refused).toEqual([]);
    await until(() => false, 0, '').catch(() => undefined);
    let s = await stored(t, doc);
    for (let i = 0; i < 100 && s.generation === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      s = await stored(t, doc);
    }
    expect(s.generation).toBeGreaterThanOrEqual(1);
    expect(s.updates).toBeLessThan(n);
    const expected = a.text();
    a.close();
    // after the last client left, the document unloads: compacted completely, with an automatic version
    await until(() => false, 0, '').catch(() => undefined);
    for (let i = 0; i < 100 && (await stored(t, doc)).updates > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await stored(t, doc)).updates).toBe(0);
    const versions = (await pro.get(path(doc))).body as VersionSummary[];
    expect(versions.map((v) => v.kind)).toContain('auto');
    const fresh = await YClient.open(t.url, pro.cookie, doc);
    await fresh.synced;
    expect(fresh.text()).toBe(expected);
    fresh.close();
  }, 60_000);

  test('/metrics reports sockets, documents, updates, persistence latency and refusals in the Prometheus format', async () => {
    const pro = await t.professional();
    const doc = `test-doc:${randomUUID()}`;
    const a = await YClient.open(t.url, pro.cookie, doc);
    await a.synced;
    a.doc.getText('content').insert(0, 'x');
    await a.settled();
    await a.sendRaw(new Uint8Array([0, 9]));
    const res = await t.anonymous().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    for (const name of ['relab_collab_sockets', 'relab_collab_documents_loaded', 'relab_collab_updates_total', 'relab_collab_persist_seconds_bucket', 'relab_collab_refused_messages_total{reason="MALFORMED_MESSAGE"}']) {
      expect(res.text).toContain(name);
    }
    expect(Number(/^relab_collab_sockets (\d+)/m.exec(res.text)![1])).toBeGreaterThanOrEqual(1);
    expect(res.text).not.toContain(pro.email);
    a.close();
  });
});
