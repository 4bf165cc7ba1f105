import { randomUUID } from 'node:crypto';
import { boardDocName, commentKeys, eiIndices, INTERACTION_KINDS, liveTopic, type StakeholderGroup, type ActivitySettings, type Dashboard, type Network, type Shape } from '@relab/shared';
import { AnalyticsService, type Period } from '../src/modules/activity/analytics.service.js';
import { InteractionRecorder } from '../src/modules/activity/interaction-recorder.service.js';
import { until, YClient } from './support/collab-client.js';
import { openDialogue, send, type Member } from './support/dialogue-helpers.js';
import { LiveClient } from './support/live-client.js';
import { createReflection, write } from './support/reflection-helpers.js';
import { consent, inHours, plan, sessionsUrl } from './support/session-helpers.js';
import { TestApp, type Client } from './support/test-app.js';

interface EventRow {
  kind: string;
  member_a: string;
  member_b: string;
  group_a: string;
  tier_a: number;
  lang_a: string;
  group_b: string;
  tier_b: number;
  lang_b: string;
  weight: number;
  session_id: string | null;
  life_domains: string[];
}

const newShapeId = () => randomUUID().replaceAll('-', '');
const pair = (x: Member, y: Member) => [x.memberId, y.memberId].sort();

describe('activity: interaction events from every feature, analytics, privacy', () => {
  let t: TestApp;
  let labId: string;
  let facilitator: Member;
  let judge: Member;
  let family: Member;
  let social: Member;
  let imam: Member;
  let police: Member;
  let observer: Member;
  let lastId = 0;

  /** Events recorded since the last call (the lab's only). */
  const fresh = async (): Promise<EventRow[]> => {
    const rows: Array<EventRow & { id: number }> = await t.db.query(
      `SELECT id::int AS id, kind, member_a, member_b, group_a, tier_a, lang_a, group_b, tier_b, lang_b, weight::float8 AS weight, session_id, life_domains
       FROM interaction_events WHERE lab_id = $1 AND id > $2 ORDER BY id`,
      [labId, lastId],
    );
    if (rows.length > 0) lastId = rows[rows.length - 1]!.id;
    return rows.map(({ id: _id, ...r }) => r);
  };
  /** Waits for events recorded after a document change (recorded once the update is stored). */
  const freshWithin = async (n: number): Promise<EventRow[]> => {
    const got: EventRow[] = [];
    const end = Date.now() + 10_000;
    while (got.length < n && Date.now() < end) {
      got.push(...(await fresh()));
      if (got.length < n) await new Promise((r) => setTimeout(r, 50));
    }
    // and nothing else comes after
    await new Promise((r) => setTimeout(r, 300));
    got.push(...(await fresh()));
    return got;
  };
  const api = (path: string) => `/api/labs/${labId}/activity${path}`;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    const lab = await t.lab();
    labId = lab.labId;
    const members = await lab.facilitator.get(`/api/labs/${labId}/members`);
    facilitator = Object.assign(lab.facilitator, { memberId: members.body[0].id as string });
    judge = await t.member(labId, facilitator, 'practitioner', { sector: 'judge' });
    family = await t.member(labId, facilitator, 'family');
    social = await t.member(labId, facilitator, 'practitioner', { sector: 'social_worker' });
    imam = await t.member(labId, facilitator, 'practitioner', { sector: 'religious_counsellor' });
    police = await t.member(labId, facilitator, 'practitioner', { sector: 'local_police' });
    observer = await t.member(labId, facilitator, 'observer', { sector: 'researcher' });
    await fresh();
  });
  afterAll(() => t.stop());

  describe('each kind of interaction produces the right event and nothing else', () => {
    test('dialogue: a reply ties the two authors, a mention the author and the mentioned; nothing while held for moderation', async () => {
      const { p } = await openDialogue(facilitator, labId, { participants: [judge, family, social], mode: 'post' });
      const first = await send(family, p, 'Bonjour à tous, je suis la maman.');
      expect(await fresh()).toEqual([]); // a message to nobody in particular is no tie
      await send(judge, p, 'Merci de votre présence.', { replyTo: first.id });
      const reply = await fresh();
      expect(reply).toHaveLength(1);
      expect(reply[0]).toMatchObject({ kind: 'dialogue_reply', weight: 3, session_id: null, life_domains: [] });
      expect([reply[0]!.member_a, reply[0]!.member_b]).toEqual(pair(judge, family));
      // the snapshot: family group tier 1 (joined in French), judge justice tier 3 (Dutch)
      const [fam, jud] = reply[0]!.member_a === family.memberId ? ['a', 'b'] : ['b', 'a'];
      expect(reply[0]).toMatchObject({ [`group_${fam}`]: 'family', [`tier_${fam}`]: 1, [`lang_${fam}`]: 'fr', [`group_${jud}`]: 'justice', [`tier_${jud}`]: 3, [`lang_${jud}`]: 'nl' });

      await send(judge, p, 'Nous pourrons en parler ensemble.', { mentions: [social.memberId, judge.memberId] });
      const mention = await fresh();
      expect(mention.map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['dialogue_mention', ...pair(judge, social)]]);

      // pre-moderated: nothing until a moderator approves, then exactly the reply
      const { p: pre } = await openDialogue(facilitator, labId, { participants: [judge, family], mode: 'pre' });
      const opening = await send(facilitator, pre, 'Bienvenue.');
      const held = await family.post(pre.messages, { clientId: randomUUID(), body: 'Merci.', language: 'fr', replyTo: opening.id });
      expect(held.body.status).toBe('pending');
      expect(await fresh()).toEqual([]);
      expect((await facilitator.post(`${pre.msg(held.body.id)}/moderation`, { action: 'approve' })).status).toBe(200);
      const approved = await fresh();
      expect(approved.map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['dialogue_reply', ...pair(family, facilitator)]]);
    });

    test('reflection: a reply to someone’s comment, a mention, and co-editing the same reflection the same day', async () => {
      const r = await createReflection(social, labId, { title: 'Werk en wonen', lifeDomains: ['housing', 'work_income'] });
      (await write(t, social, r.docName, 'zoekt een woning in de buurt van de school.')).close();
      expect(await freshWithin(0)).toEqual([]); // one editor is no pair
      expect((await social.post(`/api/labs/${labId}/reflections/${r.id}/review`, { reviewerId: judge.userId })).status).toBe(201);
      expect((await judge.post(`/api/labs/${labId}/reflections/${r.id}/review/approve`)).status).toBeLessThan(300);

      // the imam edits the shared text: co-editing with the social worker
      const imamDoc = await write(t, imam, r.docName, 'de moskee kan helpen met een buddy.');
      const coEdit = await freshWithin(1);
      expect(coEdit.map((e) => [e.kind, e.member_a, e.member_b, e.life_domains])).toEqual([['reflection_co_edit', ...pair(social, imam), ['housing', 'work_income']]]);
      // more typing by the same people adds nothing
      (await write(t, social, r.docName, 'nog een zin.')).close();
      expect(await freshWithin(0)).toEqual([]);

      const threadId = randomUUID();
      imamDoc.doc.getMap('comments').set(commentKeys.thread(threadId), {
        id: threadId, authorId: imam.userId, authorName: 'Imam', body: 'Wat denkt de politie?', mentions: [police.userId], quote: 'buddy', createdAt: new Date().toISOString(),
      });
      await imamDoc.settled();
      expect((await freshWithin(1)).map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['reflection_mention', ...pair(imam, police)]]);

      const socialDoc = await YClient.open(t.url, social.cookie, r.docName);
      await socialDoc.synced;
      const replyId = randomUUID();
      socialDoc.doc.getMap('comments').set(commentKeys.reply(threadId, replyId), {
        id: replyId, threadId, authorId: social.userId, authorName: 'SW', body: 'Goed idee.', mentions: [], createdAt: new Date().toISOString(),
      });
      // resolving a thread is no interaction
      socialDoc.doc.getMap('comments').set(commentKeys.resolution(threadId), { threadId, resolved: true, authorId: social.userId, at: new Date().toISOString() });
      await socialDoc.settled();
      expect((await freshWithin(1)).map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['reflection_reply', ...pair(social, imam)]]);
      socialDoc.close();
      imamDoc.close();
    });

    test('whiteboard: shapes of two members connected or in one frame, and a vote on someone’s note', async () => {
      const res = await social.post(`/api/labs/${labId}/boards`, { title: 'Netwerk', template: 'blank', language: 'nl' });
      expect(res.status).toBe(201);
      const boardId = res.body.id as string;
      const docName = boardDocName(boardId);
      const shape = (authorId: string, patch: Partial<Shape> = {}) =>
        ({ id: newShapeId(), type: 'sticky', x: 0, y: 0, z: 1, w: 160, h: 120, color: 'yellow', text: 'Idee', authorId, createdAt: new Date().toISOString(), locked: false, frameId: null, ...patch }) as Shape;
      const s = await YClient.open(t.url, social.cookie, docName);
      const f = await YClient.open(t.url, family.cookie, docName);
      const p = await YClient.open(t.url, police.cookie, docName);
      await Promise.all([s.synced, f.synced, p.synced]);
      const frame = { id: newShapeId(), type: 'frame', x: 0, y: 0, z: 0, w: 800, h: 600, title: 'Wonen', authorId: social.userId, createdAt: new Date().toISOString(), locked: false, frameId: null } as Shape;
      const mine = shape(social.userId, { frameId: frame.id });
      s.doc.getMap('shapes').set(frame.id, frame);
      s.doc.getMap('shapes').set(mine.id, mine);
      await s.settled();
      const theirs = shape(family.userId);
      f.doc.getMap('shapes').set(theirs.id, theirs);
      await f.settled();
      expect(await freshWithin(0)).toEqual([]); // own shapes, a frame of one author: no tie

      // the family member moves their note into the social worker's frame: grouped
      f.doc.getMap('shapes').set(theirs.id, { ...theirs, frameId: frame.id, x: 40 });
      await f.settled();
      expect((await freshWithin(1)).map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['board_group', ...pair(social, family)]]);
      // moving it again inside the frame adds nothing
      f.doc.getMap('shapes').set(theirs.id, { ...theirs, frameId: frame.id, x: 80 });
      await f.settled();
      expect(await freshWithin(0)).toEqual([]);

      // the police officer connects the social worker's note to the family's note
      const connector = { id: newShapeId(), type: 'connector', x: 0, y: 0, z: 2, from: mine.id, to: theirs.id, label: '', authorId: police.userId, createdAt: new Date().toISOString(), locked: false, frameId: null } as Shape;
      p.doc.getMap('shapes').set(connector.id, connector);
      await p.settled();
      expect((await freshWithin(1)).map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['board_connect', ...pair(social, family)]]);

      const base = `/api/labs/${labId}/boards/${boardId}`;
      expect((await facilitator.post(`${base}/vote-rounds`, { votesPerMember: 3 })).status).toBe(201);
      expect((await police.post(`${base}/votes`, { shapeId: theirs.id })).status).toBe(201);
      expect((await police.post(`${base}/votes`, { shapeId: theirs.id })).status).toBe(201); // twice on one note: one tie event
      expect((await social.post(`${base}/votes`, { shapeId: mine.id })).status).toBe(201); // on one's own note: none
      expect((await fresh()).map((e) => [e.kind, e.member_a, e.member_b])).toEqual([['board_vote', ...pair(police, family)]]);
      for (const c of [s, f, p]) c.close();
    });

    test('live session: co-presence of everyone in the room, tagged with the session; events during it carry it too', async () => {
      const [session] = await plan(facilitator, labId, { title: 'Labsessie', startsAt: inHours(1) });
      for (const who of [facilitator, family, judge]) await consent(who, labId, session!.id);
      expect((await facilitator.post(sessionsUrl(labId, `/${session!.id}/live/start`))).status).toBe(200);
      const clients: LiveClient[] = [];
      for (const who of [facilitator, family, judge]) {
        const c = await LiveClient.open(t.url, who.cookie);
        expect((await c.subscribe(liveTopic('session', session!.id))).ok).toBe(true);
        clients.push(c);
      }
      const got = await freshWithin(3);
      expect(got.every((e) => e.kind === 'session_co_presence' && e.session_id === session!.id && e.weight === 0.5)).toBe(true);
      expect(got.map((e) => [e.member_a, e.member_b]).sort()).toEqual([pair(facilitator, family), pair(facilitator, judge), pair(family, judge)].sort());

      // a dialogue reply while the session is live belongs to it
      const { p } = await openDialogue(facilitator, labId, { participants: [police, family], mode: 'post' });
      const q = await send(police, p, 'Une question ?');
      await send(family, p, 'Oui.', { replyTo: q.id });
      expect((await fresh()).map((e) => [e.kind, e.session_id])).toEqual([['dialogue_reply', session!.id]]);
      expect((await facilitator.post(sessionsUrl(labId, `/${session!.id}/live/end`))).status).toBe(200);
      for (const c of clients) c.close();
    });
  });

  describe('pre-aggregates', () => {
    test('the dashboard and the network from the pre-aggregates equal those computed from the events, incremental and rebuilt, for any period', async () => {
      const lab = await t.lab();
      const id = lab.labId;
      const boss = Object.assign(lab.facilitator, { memberId: (await lab.facilitator.get(`/api/labs/${id}/members`)).body[0].id as string });
      const cast: Member[] = [boss];
      for (const [role, sector] of [['practitioner', 'judge'], ['practitioner', 'social_worker'], ['practitioner', 'religious_counsellor'], ['practitioner', 'local_police'], ['family', undefined], ['family', undefined], ['returnee', undefined]] as const) {
        cast.push(await t.member(id, boss, role, sector ? { sector } : {}));
      }
      const recorder = t.app.get(InteractionRecorder);
      const analytics = t.app.get(AnalyticsService);
      // a fixed pseudo-random sequence of interactions (the test always replays the same)
      let seed = 20261206;
      const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n); // MINSTD: exact in doubles
      // two sessions and two life domains: each has pre-aggregates of its own
      const sessions = [null, (await plan(boss, id, { startsAt: inHours(1) }))[0]!.id, (await plan(boss, id, { startsAt: inHours(5) }))[0]!.id];
      const domains = [[], ['housing'], ['housing', 'work_income']];
      for (let i = 0; i < 120; i++) {
        const a = cast[rand(cast.length)]!.memberId;
        const b = cast[rand(cast.length)]!.memberId;
        const kind = INTERACTION_KINDS[rand(INTERACTION_KINDS.length)]!;
        await recorder.record(id, kind, [{ a, b, source: `test:${i}` }], { sessionId: sessions[rand(3)]!, lifeDomains: domains[rand(3)]! });
      }
      const filters = [{}, { sessionId: sessions[1]! }, { lifeDomain: 'housing' }, { lifeDomain: 'work_income' }, { sessionId: sessions[2]!, lifeDomain: 'housing' }];
      const compare = async (periods: Period[]) => {
        for (const period of periods) {
          for (const filter of filters) {
            const p = { ...period, ...filter };
            expect(await analytics.dashboard(id, p)).toEqual(await analytics.dashboard(id, p, { fromEvents: true }));
          }
          expect(await analytics.network(id, period, 'members')).toEqual(await analytics.network(id, period, 'members', { fromEvents: true }));
        }
      };
      await compare([{ from: today(), to: today(), bucket: 'week' }, { from: '2020-01-01', to: today(), bucket: 'month' }]);
      const d = await analytics.dashboard(id, { from: today(), to: today(), bucket: 'week' });
      expect(d.totals.events).toBeGreaterThan(50);

      // spread the events over four months, then rebuild the pre-aggregates from them
      await t.db.query(`UPDATE interaction_events SET day = day - (id % 120)::int WHERE lab_id = $1`, [id]);
      await t.db.query(`UPDATE activity_pairs p SET first_day = (SELECT min(day) FROM interaction_events e WHERE e.lab_id = p.lab_id AND e.pair = p.seq) WHERE lab_id = $1`, [id]);
      await recorder.rebuild(id);
      const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      await compare([
        { from: day(119), to: today(), bucket: 'week' },
        { from: day(119), to: today(), bucket: 'month' },
        { from: day(75), to: day(20), bucket: 'week' },
        { from: day(40), to: day(33), bucket: 'month' },
        { from: `${day(60).slice(0, 7)}-01`, to: day(1), bucket: 'month' },
      ]);
      const spread = await analytics.dashboard(id, { from: day(119), to: today(), bucket: 'week' });
      expect(spread.series.length).toBeGreaterThan(10);

      // a crowded network is sent with its strongest ties only, and says how many there are
      const whole = await analytics.network(id, { from: day(119), to: today(), bucket: 'week' }, 'members');
      expect(whole.edges.length).toBeGreaterThan(8);
      const capped = await analytics.network(id, { from: day(119), to: today(), bucket: 'week' }, 'members', { maxEdges: 5 });
      expect(capped.edgesTotal).toBe(whole.edges.length);
      expect(capped.nodes).toEqual(whole.nodes);
      const heaviest = [...whole.edges].sort((x, y) => y.weight - x.weight || (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));
      expect(new Set(capped.edges)).toEqual(new Set(heaviest.slice(0, 5)));
      expect(Math.min(...capped.edges.map((e) => e.weight))).toBeGreaterThanOrEqual(Math.max(...whole.edges.filter((e) => !capped.edges.some((c) => c.source === e.source && c.target === e.target)).map((e) => e.weight)));
      const http = await boss.get(`/api/labs/${id}/activity/network?from=${day(119)}&to=${today()}`);
      expect(http.body.edgesTotal).toBe(whole.edges.length);
      expect(http.body.edges).toEqual(whole.edges); // fewer than MAX_DRAWN_EDGES: all of them

      // and they mean what they should: worked out here from the events with the shared definitions
      expect((await boss.put(`/api/labs/${id}/activity/settings`, { kAnonymity: 2 })).status).toBe(200);
      const from = day(75);
      const to = day(20);
      const rows: Array<{ a: string; b: string; ga: StakeholderGroup; gb: StakeholderGroup; la: string; lb: string }> = await t.db.query(
        `SELECT DISTINCT member_a AS a, member_b AS b, group_a AS ga, group_b AS gb, lang_a AS la, lang_b AS lb FROM interaction_events WHERE lab_id = $1 AND day BETWEEN $2 AND $3`,
        [id, from, to],
      );
      const got = await analytics.dashboard(id, { from, to, bucket: 'month' });
      const pairs = new Set(rows.map((r) => `${r.a}|${r.b}`));
      expect(got.totals.ties).toBe(pairs.size);
      expect(got.crossLanguageShare).toBeCloseTo(new Set(rows.filter((r) => r.la !== r.lb).map((r) => `${r.a}|${r.b}`)).size / pairs.size, 3);
      const expected = eiIndices(rows.map((r) => ({ groupA: r.ga, groupB: r.gb })));
      expect(got.eiOverall).toBeCloseTo(expected.overall!, 3);
      for (const g of got.groups) {
        const members = new Set(rows.flatMap((r) => [...(r.ga === g.group ? [r.a] : []), ...(r.gb === g.group ? [r.b] : [])])).size;
        if (members < 2) {
          expect(g).toEqual({ group: g.group, members: null, external: null, internal: null, ei: null });
          continue;
        }
        expect(g).toEqual({ group: g.group, members, external: expected.byGroup[g.group]!.external, internal: expected.byGroup[g.group]!.internal, ei: expect.closeTo(expected.byGroup[g.group]!.ei!, 3) });
      }
    });
  });

  describe('analytics', () => {
    test('the dashboard counts ties by kind, E-I and cross-language share, and hides cells under k for observers and facilitators alike', async () => {
      const res = await facilitator.get(api(`/dashboard?from=${today()}&to=${today()}`));
      expect(res.status).toBe(200);
      const d = res.body as Dashboard;
      expect(d).toMatchObject({ from: today(), to: today(), kAnonymity: 3, rule: { bondingRequiresSameLanguage: false } });
      const rows: Array<{ tie: string; n: number }> = await t.db.query(
        `SELECT CASE WHEN tier_a <> tier_b THEN 'linking' WHEN group_a = group_b THEN 'bonding' ELSE 'bridging' END AS tie, count(DISTINCT (member_a, member_b))::int AS n
         FROM interaction_events WHERE lab_id = $1 GROUP BY 1`,
        [labId],
      );
      const expected = Object.fromEntries(rows.map((r) => [r.tie, r.n]));
      expect(d.totals.linking.ties).toBe(expected.linking);
      // the one bridging tie (social worker – imam) describes two members: under k = 3, hidden
      expect(expected.bridging).toBe(1);
      expect(d.totals.bridging).toEqual({ ties: null, weight: null, share: null });
      expect(d.totals.bonding).toEqual({ ties: 0, weight: 0, share: 0 });
      expect(d.series).toHaveLength(1);
      // observers see the same aggregates
      const o = (await observer.get(api(`/dashboard?from=${today()}&to=${today()}`))).body as Dashboard;
      expect(o).toEqual(d);
      // practitioners and families do not see it
      expect((await judge.get(api('/dashboard'))).status).toBe(403);
      expect((await family.get(api('/network'))).status).toBe(403);
      // bad input: 400, nothing changes
      for (const q of ['?from=2026-13-01', '?bucket=day', '?from=2026-02-01&to=2026-01-01', '?lifeDomain=gardening', '?sessionId=nope']) {
        expect((await facilitator.get(api(`/dashboard${q}`))).status).toBe(400);
      }
    });

    test('the network: members by pseudonym for facilitators, groups of at least k members for observers', async () => {
      const m = (await facilitator.get(api(`/network?from=${today()}&to=${today()}`))).body as Network;
      expect(m.view).toBe('members');
      // brokers: facilitators only, by pseudonym
      const brokers = await facilitator.get(api(`/brokers?from=${today()}&to=${today()}`));
      expect(brokers.status).toBe(200);
      expect(brokers.body.length).toBeGreaterThan(0);
      for (const b of brokers.body as Array<{ pseudonym: string }>) expect(b.pseudonym).toMatch(/^P\d{3}$/);
      expect((await observer.get(api('/brokers'))).status).toBe(403);
      expect(m.nodes.every((n) => /^P\d{3}$/.test(n.label))).toBe(true);
      const json = JSON.stringify(m);
      for (const who of [judge, family, social, imam]) expect(json).not.toContain(who.memberId);
      const g = (await observer.get(api(`/network?from=${today()}&to=${today()}`))).body as Network;
      expect(g.view).toBe('groups');
      // every group here has fewer than 3 members: all suppressed
      expect(g.nodes).toEqual([]);
      expect(g.suppressed).toBeGreaterThan(0);
    });

    test('settings: facilitators change weights, k and the rule; bad input is refused and changes nothing', async () => {
      const before = (await facilitator.get(api('/settings'))).body as ActivitySettings;
      expect(before.weights.dialogue_reply).toBe(3);
      expect(before.mapping.judge).toEqual({ group: 'justice', tier: 3 });
      for (const body of [{ kAnonymity: 1 }, { weights: { dialogue_reply: -1 } }, { weights: { hug: 1 } }, { mapping: { judge: { group: 'justice', tier: 7 } } }, { extra: true }]) {
        expect((await facilitator.put(api('/settings'), body)).status).toBe(400);
      }
      expect((await observer.put(api('/settings'), { kAnonymity: 5 })).status).toBe(403);
      expect((await facilitator.get(api('/settings'))).body).toEqual(before);
      const after = await facilitator.put(api('/settings'), { kAnonymity: 2, weights: { dialogue_reply: 4 }, mapping: { local_police: { group: 'police', tier: 2 } } });
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({ kAnonymity: 2, weights: { dialogue_reply: 4, dialogue_mention: 2 }, overridden: ['local_police'] });
      // with k = 2, the observer's group view shows the groups of two members
      const g = (await observer.get(api(`/network?from=${today()}&to=${today()}`))).body as Network;
      expect(g.nodes.every((n) => (n.members ?? 0) >= 2)).toBe(true);
      expect((await facilitator.put(api('/settings'), { kAnonymity: 3, weights: { dialogue_reply: 3 }, mapping: { local_police: null } })).body.overridden).toEqual([]);
    });

    test('exports: CSV of events by pseudonym with rare values suppressed, GraphML of the network; facilitators only; audited', async () => {
      const csv = await facilitator.get(api(`/export/events.csv?from=${today()}&to=${today()}`));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe('event,day,kind,weight,tie,session,member_a,group_a,tier_a,language_a,municipality_a,member_b,group_b,tier_b,language_b,municipality_b,life_domains');
      const total: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM interaction_events WHERE lab_id = $1`, [labId]);
      expect(lines).toHaveLength(total[0]!.n + 1);
      for (const who of [judge, family, social, imam, police]) expect(csv.text).not.toContain(who.memberId);
      // one judge in the lab: "justice" describes one member and is suppressed
      expect(csv.text).not.toContain('justice');
      expect(lines.slice(1).every((l) => /P\d{3}/.test(l))).toBe(true);
      const xml = await facilitator.get(api(`/export/network.graphml?from=${today()}&to=${today()}`)).buffer(true);
      expect(xml.status).toBe(200);
      const text = Buffer.isBuffer(xml.body) ? xml.body.toString('utf8') : xml.text;
      expect(text).toContain('<graphml');
      expect((text.match(/<node /g) ?? []).length).toBeGreaterThan(3);
      expect((await observer.get(api('/export/events.csv'))).status).toBe(403);
      const audited = (await t.auditActions()).filter((a) => a.action === 'activity.exported');
      expect(audited.length).toBeGreaterThanOrEqual(2);
    });

    test('erasure on request: the member’s id leaves every event, the aggregates stay the same', async () => {
      const q = api(`/dashboard?from=${today()}&to=${today()}`);
      const before = (await facilitator.get(q)).body as Dashboard;
      const netBefore = (await facilitator.get(api(`/network?from=${today()}&to=${today()}`))).body as Network;
      const had: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM interaction_events WHERE member_a = $1 OR member_b = $1`, [family.memberId]);
      expect(had[0]!.n).toBeGreaterThan(0);
      expect((await judge.post(api('/erasures'), { memberId: family.memberId })).status).toBe(403);
      expect((await facilitator.post(api('/erasures'), { memberId: 'x' })).status).toBe(400);
      expect((await facilitator.post(api('/erasures'), { memberId: randomUUID() })).status).toBe(404);
      expect((await facilitator.post(api('/erasures'), { memberId: family.memberId })).status).toBe(204);
      for (const table of ['interaction_events', 'activity_pairs']) {
        const left: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE member_a = $1 OR member_b = $1`, [family.memberId]);
        expect(left[0]!.n).toBe(0);
      }
      const sources: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM interaction_events WHERE source LIKE '%' || $1 || '%'`, [family.memberId]);
      expect(sources[0]!.n).toBe(0);
      expect(((await t.db.query(`SELECT count(*)::int AS n FROM activity_members WHERE member_id = $1`, [family.memberId])) as Array<{ n: number }>)[0]!.n).toBe(0);
      // every snapshot stayed with its member, whichever way the stand-in sorts
      for (const [who, group] of [[judge, 'justice'], [facilitator, 'social'], [police, 'police']] as const) {
        const wrong: Array<{ n: number }> = await t.db.query(
          `SELECT count(*)::int AS n FROM interaction_events WHERE (member_a = $1 AND group_a <> $2) OR (member_b = $1 AND group_b <> $2)`,
          [who.memberId, group],
        );
        expect(wrong[0]!.n).toBe(0);
      }
      const after = (await facilitator.get(q)).body as Dashboard;
      expect(after).toEqual(before);
      const netAfter = (await facilitator.get(api(`/network?from=${today()}&to=${today()}`))).body as Network;
      expect(netAfter).toEqual(netBefore);
      expect((await t.auditActions()).some((a) => a.action === 'activity.member_erased' && a.resource_id === family.memberId)).toBe(true);

      // any member can ask for it themself; nothing to erase twice is harmless
      const mine: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM interaction_events WHERE member_a = $1 OR member_b = $1`, [imam.memberId]);
      expect(mine[0]!.n).toBeGreaterThan(0);
      expect((await imam.post(api('/erasures/me'))).status).toBe(204);
      const left: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM interaction_events WHERE member_a = $1 OR member_b = $1`, [imam.memberId]);
      expect(left[0]!.n).toBe(0);
      expect((await facilitator.get(q)).body).toEqual(before);
      expect((await imam.post(api('/erasures/me'))).status).toBe(204);
    });
  });
});
