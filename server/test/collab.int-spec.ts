import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { COLLAB_EVENTS, type JoinResult } from '@relab/shared';
import { collabSocket, connected, emitAck, until, YClient } from './support/collab-client.js';
import { TestApp } from './support/test-app.js';
import { registerTestDocType } from './support/test-doc-type.js';

describe('collaboration core: protocol, access and convergence', () => {
  let t: TestApp;
  let access: ReturnType<typeof registerTestDocType>;
  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    access = registerTestDocType(t);
  });
  afterAll(() => t.stop());
  const docName = () => `test-doc:${randomUUID()}`;

  test('refuses a handshake without a session, with an unknown session, or from another origin', async () => {
    const pro = await t.professional();
    for (const [cookie, headers] of [
      [null, {}],
      ['relab_sid=not-a-real-session', {}],
      [pro.cookie, { origin: 'https://evil.example' }],
    ] as const) {
      const s = collabSocket(t.url, cookie, headers);
      await expect(connected(s)).rejects.toThrow('UNAUTHENTICATED');
      s.disconnect();
    }
    const ok = collabSocket(t.url, pro.cookie, { origin: new URL(t.server.config.publicUrl).origin });
    await connected(ok);
    ok.disconnect();
  });

  test('two clients editing concurrently converge, and every acknowledged update is in PostgreSQL', async () => {
    const pro = await t.professional();
    const name = docName();
    const a = await YClient.open(t.url, pro.cookie, name);
    const b = await YClient.open(t.url, pro.cookie, name);
    await Promise.all([a.synced, b.synced]);
    expect(a.join).toMatchObject({ ok: true, access: 'write', user: { id: pro.userId } });
    for (let i = 0; i < 50; i++) {
      a.doc.getText('content').insert(0, 'a');
      b.doc.getText('content').insert(b.text().length, 'b');
    }
    await Promise.all([a.settled(), b.settled()]);
    await until(() => a.text() === b.text() && a.text().length === 100, 10_000, 'convergence').catch((e) => {
      throw new Error(`${e.message}: a=${a.text().length} b=${b.text().length} refused=${JSON.stringify([a.refused, b.refused, a.errors, b.errors])}`);
    });
    expect(a.refused).toEqual([]);
    const rows: Array<{ n: string }> = await t.db.query(`SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1`, [name]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    // a fresh client, after both left, loads the same state from the database
    a.close();
    b.close();
    const c = await YClient.open(t.url, pro.cookie, name);
    await c.synced;
    expect(c.text()).toBe(a.text());
    c.close();
  });

  test('20 clients typing at once converge to identical state', async () => {
    const pro = await t.professional();
    const name = docName();
    const clients = await Promise.all(Array.from({ length: 20 }, () => YClient.open(t.url, pro.cookie, name)));
    await Promise.all(clients.map((c) => c.synced));
    for (let round = 0; round < 10; round++) {
      clients.forEach((c, i) => c.doc.getText('content').insert(0, String.fromCharCode(65 + i)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(clients.map((c) => c.settled()));
    await until(() => clients.every((c) => c.text().length === 200 && c.text() === clients[0]!.text()), 15_000, '20 clients to converge');
    expect(clients.flatMap((c) => c.refused)).toEqual([]);
    clients.forEach((c) => c.close());
  });

  test('a read-only socket receives updates but its own are refused and not applied; no access looks like no document', async () => {
    const writer = await t.professional();
    const reader = await t.professional();
    const stranger = await t.professional();
    access.set(reader.userId, 'read');
    access.set(stranger.userId, 'none');
    const name = docName();
    const w = await YClient.open(t.url, writer.cookie, name);
    const r = await YClient.open(t.url, reader.cookie, name);
    await Promise.all([w.synced, r.synced]);
    expect(r.join).toMatchObject({ ok: true, access: 'read' });
    w.doc.getText('content').insert(0, 'from the writer');
    await w.settled();
    await until(() => r.text() === 'from the writer', 5000, 'reader to receive');

    r.doc.getText('content').insert(0, 'sneaky ');
    await r.settled();
    expect(r.refused).toEqual([{ ok: false, code: 'READ_ONLY' }]);
    expect(r.errors).toContainEqual({ doc: name, code: 'READ_ONLY' });

    const s = await YClient.open(t.url, stranger.cookie, name);
    expect(s.join).toEqual({ ok: false, doc: name, code: 'DOC_NOT_FOUND' });
    const update = new Y.Doc();
    update.getText('content').insert(0, 'intruder');
    expect(await s.send(Y.encodeStateAsUpdate(update))).toEqual({ ok: false, code: 'NOT_JOINED' });

    await new Promise((res) => setTimeout(res, 100));
    expect(w.text()).toBe('from the writer');
    w.close();
    r.close();
    s.close();
    const check = await YClient.open(t.url, writer.cookie, name);
    await check.synced;
    expect(check.text()).toBe('from the writer');
    check.close();
  });

  test('removing a member cuts their open socket off at once; a role change to observer makes it read-only', async () => {
    const { labId, facilitator } = await t.lab();
    const practitioner = await t.member(labId, facilitator, 'practitioner');
    const other = await t.member(labId, facilitator, 'practitioner');
    const name = `lab-notes:${labId}`;
    const p = await YClient.open(t.url, practitioner.cookie, name);
    const o = await YClient.open(t.url, other.cookie, name);
    await Promise.all([p.synced, o.synced]);
    expect(p.join).toMatchObject({ ok: true, access: 'write' });

    const demote = await facilitator.patch(`/api/labs/${labId}/members/${other.memberId}`, { role: 'observer' });
    expect(demote.status).toBe(200);
    expect(o.accessEvents).toContainEqual({ doc: name, access: 'read' });
    const frag = new Y.Doc();
    frag.getXmlFragment('content').insert(0, [new Y.XmlText('demoted edit')]);
    expect(await o.send(Y.encodeStateAsUpdate(frag))).toEqual({ ok: false, code: 'READ_ONLY' });

    const removed = await facilitator.delete(`/api/labs/${labId}/members/${practitioner.memberId}`);
    expect(removed.status).toBe(204);
    await until(() => !p.socket.connected, 5000, 'removed member to be disconnected');
    expect(p.accessEvents).toContainEqual({ doc: name, access: 'none' });
    p.close();
    o.close();
  });

  test('family members and non-members cannot open the lab notebook', async () => {
    const { labId, facilitator } = await t.lab();
    const family = await t.member(labId, facilitator, 'family');
    const outsider = await t.professional();
    for (const who of [family, outsider]) {
      const s = collabSocket(t.url, who.cookie);
      await connected(s);
      expect(await emitAck<JoinResult>(s, COLLAB_EVENTS.join, `lab-notes:${labId}`)).toEqual({ ok: false, doc: `lab-notes:${labId}`, code: 'DOC_NOT_FOUND' });
      s.disconnect();
    }
  });
});
