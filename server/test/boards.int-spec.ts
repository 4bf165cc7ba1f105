import { randomUUID } from 'node:crypto';
import { boardDocName, parseShape, type BoardDetail, type Shape } from '@relab/shared';
import { until, YClient } from './support/collab-client.js';
import { TestApp, type Client } from './support/test-app.js';

const newId = () => randomUUID().replaceAll('-', '');

function sticky(authorId: string, patch: Partial<Shape> = {}): Shape {
  return { id: newId(), type: 'sticky', x: 10, y: 20, z: 1, w: 160, h: 120, color: 'yellow', text: 'Wat we hoorden', authorId, createdAt: new Date().toISOString(), locked: false, frameId: null, ...patch } as Shape;
}

describe('whiteboards: schema, locks and dot voting enforced by the server', () => {
  let t: TestApp;
  let labId: string;
  let facilitator: Client;
  let practitioner: Client;
  let family: Client;
  let observer: Client;
  let board: BoardDetail;

  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    ({ labId, facilitator } = await t.lab());
    practitioner = await t.member(labId, facilitator, 'practitioner');
    family = await t.member(labId, facilitator, 'family');
    observer = await t.member(labId, facilitator, 'observer');
    const res = await practitioner.post(`/api/labs/${labId}/boards`, { title: 'Steunnetwerk van Persoon A', template: 'support_network', language: 'nl' });
    expect(res.status).toBe(201);
    board = res.body;
  });
  afterAll(() => t.stop());

  const open = async (who: Client) => {
    const c = await YClient.open(t.url, who.cookie, board.docName);
    if (!c.join.ok) throw new Error(JSON.stringify(c.join));
    await c.synced;
    return c;
  };
  const shapes = (c: YClient) => c.doc.getMap<unknown>('shapes');
  /** Applies a change on a client and returns the server's answer to it. */
  const attempt = async (c: YClient, change: () => void) => {
    change();
    await c.settled();
    return c.lastSend ? await c.lastSend : null;
  };

  test('a board starts from its template in its language; every template shape is valid and locked', async () => {
    expect(board).toMatchObject({ title: 'Steunnetwerk van Persoon A', template: 'support_network', myAccess: 'write', isFacilitator: false });
    const c = await open(observer);
    expect(c.join).toMatchObject({ access: 'read' });
    const all = [...shapes(c).entries()];
    expect(all.length).toBeGreaterThan(10);
    for (const [k, v] of all) expect(parseShape(k, v)).not.toBeNull();
    expect(all.map(([, v]) => (v as Shape)).some((s) => s.type === 'text' && 'text' in s && s.text === 'Wonen')).toBe(true);
    expect(all.every(([, v]) => (v as Shape).locked)).toBe(true);
    c.close();
    const list = await family.get(`/api/labs/${labId}/boards`);
    expect(list.body.map((b: { id: string }) => b.id)).toContain(board.id);
    expect((await family.get(`/api/labs/${labId}/boards/${board.id}`)).body).toMatchObject({ myAccess: 'write' });
    const stranger = await t.professional();
    expect((await stranger.get(`/api/labs/${labId}/boards/${board.id}`)).status).toBe(404);
    const s = await YClient.open(t.url, stranger.cookie, board.docName);
    expect(s.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
    s.close();
  });

  test('bad requests are refused and create nothing', async () => {
    for (const body of [{}, { title: 'x', language: 'nl' }, { title: 'Bord', language: 'nl', template: 'chess' }, { title: 'Bord', language: 'xx' }]) {
      expect((await practitioner.post(`/api/labs/${labId}/boards`, body)).status).toBe(400);
    }
    expect((await family.post(`/api/labs/${labId}/boards`, { title: 'Bord', language: 'nl' })).status).toBe(403);
    expect((await practitioner.get(`/api/labs/${labId}/boards/${randomUUID()}`)).status).toBe(404);
  });

  test('updates that break the schema are refused before they are stored; good ones converge', async () => {
    const a = await open(practitioner);
    const b = await open(family);
    const good = sticky(practitioner.userId);
    expect(await attempt(a, () => shapes(a).set(good.id, good))).toEqual({ ok: true });
    await until(() => shapes(b).has(good.id), 5000, 'live');
    const bad: Array<[string, unknown]> = [
      ['unknown type', { ...good, id: newId(), type: 'star' }],
      ['missing field', (({ color: _c, ...rest }) => ({ ...rest, id: newId() }))(good as Shape & { color: string })],
      ['NaN', { ...good, id: newId(), x: Number.NaN }],
      ['Infinity', { ...good, id: newId(), w: Number.POSITIVE_INFINITY }],
      ['off the canvas', { ...good, id: newId(), y: 1e12 }],
      ['too much text', { ...good, id: newId(), text: 'x'.repeat(1001) }],
      ['someone else as author', { ...good, id: newId(), authorId: family.userId }],
      ['id not its key', { ...good }],
      ['a string, not a shape', 'hello'],
    ];
    for (const [what, value] of bad) {
      const key = what === 'id not its key' ? newId() : ((value as { id?: string }).id ?? newId());
      const c = await open(practitioner);
      const ack = await attempt(c, () => shapes(c).set(key, value));
      expect([what, ack]).toEqual([what, { ok: false, code: 'SCHEMA_REJECTED' }]);
      c.close();
    }
    // taking over someone else's shape (changing its author) is refused too
    const takeover = await open(family);
    expect(await attempt(takeover, () => shapes(takeover).set(good.id, { ...good, authorId: family.userId }))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
    takeover.close();
    // but moving it is anyone's
    expect(await attempt(b, () => shapes(b).set(good.id, { ...good, x: 400 }))).toEqual({ ok: true });
    const fresh = await open(observer);
    expect((shapes(fresh).get(good.id) as Shape).x).toBe(400);
    expect([...shapes(fresh).values()].every((v) => (v as { type?: string }).type !== 'star')).toBe(true);
    [a, b, fresh].forEach((c) => c.close());
  });

  test('a locked shape is changed only by a facilitator, even with a hand-crafted update', async () => {
    const f = await open(facilitator);
    const p = await open(practitioner);
    const mine = sticky(practitioner.userId, { text: 'Mijn notitie' });
    expect(await attempt(p, () => shapes(p).set(mine.id, mine))).toEqual({ ok: true });
    // a practitioner cannot lock
    expect(await attempt(p, () => shapes(p).set(mine.id, { ...mine, locked: true }))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
    p.close();
    await until(() => shapes(f).has(mine.id), 5000, 'sync');
    expect(await attempt(f, () => shapes(f).set(mine.id, { ...mine, locked: true }))).toEqual({ ok: true });
    for (const change of [(c: YClient) => shapes(c).set(mine.id, { ...mine, locked: true, x: 999 }), (c: YClient) => shapes(c).set(mine.id, { ...mine, locked: false }), (c: YClient) => shapes(c).delete(mine.id)]) {
      const c = await open(practitioner);
      expect(await attempt(c, () => change(c))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
      c.close();
    }
    expect(await attempt(f, () => shapes(f).set(mine.id, { ...mine, locked: true, x: 50 }))).toEqual({ ok: true });
    const check = await open(observer);
    expect(shapes(check).get(mine.id)).toMatchObject({ locked: true, x: 50, authorId: practitioner.userId });
    check.close();
    f.close();
  });

  test('a locked board: only facilitators add or change; board settings are theirs; the vote is the server’s', async () => {
    const f = await open(facilitator);
    const p = await open(practitioner);
    expect(await attempt(p, () => p.doc.getMap('board').set('locked', true))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
    p.close(); // (its local copy now holds a refused change: a client re-syncs after a refusal)
    expect(await attempt(f, () => f.doc.getMap('board').set('locked', true))).toEqual({ ok: true });
    const p2 = await open(practitioner);
    expect(p2.doc.getMap('board').get('locked')).toBe(true);
    const s = sticky(practitioner.userId);
    expect(await attempt(p2, () => shapes(p2).set(s.id, s))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
    p2.close();
    expect(await attempt(f, () => f.doc.getMap('board').set('timer', { endsAt: new Date(Date.now() + 300_000).toISOString(), seconds: 300 }))).toEqual({ ok: true });
    f.close();
    for (const [key, value] of [['timer', { endsAt: null, seconds: 3 }], ['vote', { roundId: randomUUID(), open: false, votesPerMember: 3, results: { abcdefgh: 99 } }], ['colour', 'red']] as const) {
      const c = await open(facilitator);
      expect([key, await attempt(c, () => c.doc.getMap('board').set(key, value))]).toEqual([key, { ok: false, code: 'SCHEMA_REJECTED' }]);
      c.close();
    }
    const f2 = await open(facilitator);
    expect(await attempt(f2, () => f2.doc.getMap('board').set('locked', false))).toEqual({ ok: true });
    f2.close();
  });

  test('a facilitator demoted while connected loses the right to lock at once', async () => {
    const other = await t.member(labId, facilitator, 'facilitator');
    const c = await open(other);
    expect(await attempt(c, () => c.doc.getMap('board').set('locked', false))).toEqual({ ok: true });
    const members = await facilitator.get(`/api/labs/${labId}/members`);
    const memberId = members.body.find((m: { userId: string }) => m.userId === other.userId).id;
    expect((await facilitator.patch(`/api/labs/${labId}/members/${memberId}`, { role: 'practitioner' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await attempt(c, () => c.doc.getMap('board').set('locked', true))).toEqual({ ok: false, code: 'SCHEMA_REJECTED' });
    c.close();
  });

  test('dot voting: N votes per member, counts hidden until the facilitator closes the round', async () => {
    const p = await open(practitioner);
    const a = sticky(practitioner.userId, { text: 'Buddy uit de buurt' });
    const b = sticky(practitioner.userId, { text: 'Sportclub' });
    await attempt(p, () => {
      shapes(p).set(a.id, a);
      shapes(p).set(b.id, b);
    });
    const base = `/api/labs/${labId}/boards/${board.id}`;
    expect((await practitioner.post(`${base}/vote-rounds`, { votesPerMember: 2 })).status).toBe(403);
    expect((await facilitator.post(`${base}/votes`, { shapeId: a.id })).status).toBe(409);
    const opened = await facilitator.post(`${base}/vote-rounds`, { votesPerMember: 2 });
    expect(opened.status).toBe(201);
    await until(() => (p.doc.getMap('board').get('vote') as { open?: boolean } | undefined)?.open === true, 5000, 'round opens live');
    expect((await practitioner.post(`${base}/votes`, { shapeId: a.id })).body).toMatchObject({ mine: [a.id], left: 1 });
    expect((await practitioner.post(`${base}/votes`, { shapeId: a.id })).body).toMatchObject({ mine: [a.id, a.id], left: 0 });
    const third = await practitioner.post(`${base}/votes`, { shapeId: b.id });
    expect([third.status, third.body.code]).toEqual([409, 'NO_VOTES_LEFT']);
    expect((await family.post(`${base}/votes`, { shapeId: b.id })).status).toBe(201);
    expect((await family.post(`${base}/votes`, { shapeId: 'nosuchshape' })).status).toBe(404);
    expect((await observer.post(`${base}/votes`, { shapeId: b.id })).status).toBe(403);
    expect((await family.delete(`${base}/votes/${b.id}`)).body).toMatchObject({ mine: [], left: 2 });
    expect((await family.post(`${base}/votes`, { shapeId: b.id })).status).toBe(201);
    // nothing about counts is in the document while the round is open
    expect(p.doc.getMap('board').get('vote')).toMatchObject({ open: true, results: null });
    const closed = await facilitator.post(`${base}/vote-rounds/close`);
    expect(closed.status).toBe(201);
    expect(closed.body).toEqual({ [a.id]: 2, [b.id]: 1 });
    await until(() => (p.doc.getMap('board').get('vote') as { open?: boolean }).open === false, 5000, 'results arrive live');
    expect(p.doc.getMap('board').get('vote')).toMatchObject({ open: false, votesPerMember: 2, results: { [a.id]: 2, [b.id]: 1 } });
    expect((await practitioner.post(`${base}/votes`, { shapeId: a.id })).body.code).toBe('VOTE_ROUND_CLOSED');
    expect((await facilitator.post(`${base}/vote-rounds/close`)).status).toBe(409);
    p.close();
    const audit = (await t.auditActions()).filter((x) => x.resource_id === board.id).map((x) => x.action);
    expect(audit).toEqual(expect.arrayContaining(['board.created', 'board.vote_opened', 'board.vote_closed']));
  });

  test('the read-only observer cannot write', async () => {
    const c = await open(observer);
    const s = sticky(observer.userId);
    expect(await attempt(c, () => shapes(c).set(s.id, s))).toEqual({ ok: false, code: 'READ_ONLY' });
    c.close();
  });

  test('document names of boards that do not exist are refused', async () => {
    const c = await YClient.open(t.url, practitioner.cookie, boardDocName(randomUUID()));
    expect(c.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
    c.close();
  });
});
