import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { commentKeys, DEFAULT_REFLECTION_TEMPLATE, type GateRefusal, type ReflectionDetail, type ReflectionKey } from '@relab/shared';
import { until, YClient } from './support/collab-client.js';
import { addParagraph, createReflection, plainText, replaceEverywhere, write } from './support/reflection-helpers.js';
import { TestApp, type Client } from './support/test-app.js';

// fictional people and numbers, written for these tests (the national number has a valid checksum)
const NAME = 'Yasmina El Amrani';
const NRN = '85.07.30-033.28';
const PHONE = '0470 12 34 56';
const DRAFT = `${NAME} (${NRN}, gsm ${PHONE}) woont sinds haar terugkeer opnieuw bij haar moeder.`;

describe('case reflections: the gate, need to know, the author’s key, audit', () => {
  let t: TestApp;
  let labId: string;
  let facilitator: Client;
  let author: Client; // a social worker
  let reviewer: Client; // a justice assistant
  let imam: Client; // a religious counsellor
  let psychologist: Client;
  let observer: Client;
  let family: Client;

  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    ({ labId, facilitator } = await t.lab());
    author = await t.member(labId, facilitator, 'practitioner', { sector: 'social_worker' });
    reviewer = await t.member(labId, facilitator, 'practitioner', { sector: 'justice_assistant' });
    imam = await t.member(labId, facilitator, 'practitioner', { sector: 'religious_counsellor' });
    psychologist = await t.member(labId, facilitator, 'practitioner', { sector: 'psychologist' });
    observer = await t.member(labId, facilitator, 'observer', { sector: 'researcher' });
    family = await t.member(labId, facilitator, 'family');
  });
  afterAll(() => t.stop());

  const url = (id: string, rest = '') => `/api/labs/${labId}/reflections/${id}${rest}`;

  test('a new reflection starts from the lab template in its language and is visible to its author only', async () => {
    const r = await createReflection(author, labId, { language: 'fr' });
    expect(r).toMatchObject({ status: 'draft', isAuthor: true, myAccess: 'write', lifeDomains: ['housing'], sections: [] });
    const c = await YClient.open(t.url, author.cookie, r.docName);
    await c.synced;
    const headings = c.doc.getXmlFragment('content').toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'heading');
    expect(headings.map((h) => (h as Y.XmlElement).toArray().join(''))).toEqual(DEFAULT_REFLECTION_TEMPLATE.sections.map((s) => s.heading.fr));
    expect(headings.length).toBe(12);
    c.close();
    for (const other of [reviewer, imam, facilitator, observer]) {
      expect((await other.get(url(r.id))).status).toBe(404);
      const list = await other.get(`/api/labs/${labId}/reflections`);
      expect(list.body.map((x: { id: string }) => x.id)).not.toContain(r.id);
      const s = await YClient.open(t.url, other.cookie, r.docName);
      expect(s.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
      s.close();
    }
    // families and returnees never see case reflections
    expect((await family.get(`/api/labs/${labId}/reflections`)).status).toBe(403);
  });

  test('filters by life domain, tag and status', async () => {
    const a = await createReflection(author, labId, { title: 'Werk na detentie', lifeDomains: ['work_income', 'education'], tags: ['Opleiding'] });
    const b = await createReflection(author, labId, { title: 'Geloof en familie', lifeDomains: ['religious_spiritual'], tags: ['moskee'] });
    const ids = async (q: string) => ((await author.get(`/api/labs/${labId}/reflections?${q}`)).body as Array<{ id: string }>).map((x) => x.id);
    expect(await ids('domain=education')).toEqual([a.id]);
    expect(await ids('tag=opleiding')).toEqual([a.id]);
    expect(await ids('domain=religious_spiritual&tag=moskee')).toEqual([b.id]);
    expect(await ids('domain=religious_spiritual&tag=opleiding')).toEqual([]);
    expect((await author.get(`/api/labs/${labId}/reflections?domain=gardening`)).status).toBe(400);
  });

  test('bad input is refused with a 4xx and changes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM reflections`);
    for (const body of [{}, { title: 'x', language: 'nl' }, { title: 'Geldig', language: 'de' }, { title: 'Geldig', language: 'nl', lifeDomains: ['housing', 'housing'] }, { title: 'Geldig', language: 'nl', extra: 1 }]) {
      expect((await author.post(`/api/labs/${labId}/reflections`, body)).status).toBe(400);
    }
    expect((await observer.post(`/api/labs/${labId}/reflections`, { title: 'Geldig', language: 'nl' })).status).toBe(403);
    expect((await author.get(url('not-a-uuid'))).status).toBe(400);
    expect((await author.get(url(randomUUID()))).status).toBe(404);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM reflections`)).toEqual(before);
  });

  describe('from draft to shared', () => {
    let r: ReflectionDetail;
    let authorDoc: YClient;
    let sectionId: string;
    const SECRET = 'Psychiatrisch verslag: ernstige PTSS na de kampen, medicatie sinds vorig jaar.';

    beforeAll(async () => {
      r = await createReflection(author, labId, { title: 'Terugkeer en huisvesting' });
      authorDoc = await write(t, author, r.docName, DRAFT, 'Haar broer Karim helpt met de administratie.');
      const sec = await author.post(url(r.id, '/sections'), { title: 'Gezondheid (vertrouwelijk)', allowedSectors: ['psychologist'], allowedUserIds: [] });
      expect(sec.status).toBe(201);
      sectionId = sec.body.id;
      (await write(t, author, sec.body.docName, SECRET)).close();
    });
    afterAll(() => authorDoc.close());

    test('sharing with open detections is refused with the list of what remains', async () => {
      // a version of the draft, with the real details: it must never reach the lab
      expect((await author.post(`/api/collab/docs/${encodeURIComponent(r.docName)}/versions`, { name: 'eerste versie' })).status).toBe(201);
      const res = await author.post(url(r.id, '/review'), { reviewerId: reviewer.userId });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('REFLECTION_HAS_DETECTIONS');
      const remaining = (res.body.details as GateRefusal).remaining;
      expect(remaining.map((d) => [d.kind, d.text])).toEqual(expect.arrayContaining([['name', NAME], ['national_number', NRN], ['phone', PHONE]]));
      expect((await author.get(url(r.id))).body.status).toBe('draft');
    });

    test('the author key: only the author opens it, it is stored encrypted, and a bad key is refused', async () => {
      const key: ReflectionKey = { names: [NAME, 'Karim'], pseudonyms: [], dismissed: [] };
      expect((await author.put(url(r.id, '/key'), key)).status).toBe(200);
      expect((await author.get(url(r.id, '/key'))).body).toEqual(key);
      for (const other of [reviewer, imam, facilitator]) expect((await other.get(url(r.id, '/key'))).status).toBe(404);
      expect((await author.put(url(r.id, '/key'), { names: 'Yasmina' })).status).toBe(400);
      const rows: Array<{ data: Buffer }> = await t.db.query(`SELECT data FROM reflection_keys WHERE reflection_id = $1`, [r.id]);
      expect(rows).toHaveLength(1);
      expect(Buffer.from(rows[0]!.data).toString('latin1')).not.toContain('Yasmina');
      // the names list makes "Karim" a detection too
      const gate = await author.get(url(r.id, '/gate'));
      expect(gate.body.remaining.map((d: { text: string }) => d.text)).toContain('Karim');
    });

    test('after pseudonymising and marking the rest "not identifying", the gate still needs a valid second person', async () => {
      replaceEverywhere(authorDoc.doc, NAME, 'Persoon A');
      replaceEverywhere(authorDoc.doc, 'Karim', 'Persoon B');
      replaceEverywhere(authorDoc.doc, NRN, '[rijksregisternummer]');
      await authorDoc.settled();
      const gate = (await author.get(url(r.id, '/gate'))).body as GateRefusal;
      expect(gate.remaining.map((d) => d.kind)).toEqual(['phone']);
      const key: ReflectionKey = {
        names: [NAME, 'Karim'],
        pseudonyms: [
          { key: 'name:0', kind: 'name', real: NAME, pseudonym: 'Persoon A' },
          { key: 'name:1', kind: 'name', real: 'Karim', pseudonym: 'Persoon B' },
          { key: 'national_number:85073003328', kind: 'national_number', real: NRN, pseudonym: '[rijksregisternummer]' },
        ],
        dismissed: [{ key: gate.remaining[0]!.key, kind: 'phone' }],
      };
      expect((await author.put(url(r.id, '/key'), key)).status).toBe(200);
      expect((await author.get(url(r.id, '/gate'))).body).toEqual({ remaining: [] });
      // four eyes: not the author, not an observer, not a family member, not a stranger
      for (const reviewerId of [author.userId, observer.userId, family.userId, randomUUID()]) {
        const res = await author.post(url(r.id, '/review'), { reviewerId });
        expect([res.status, res.body.code]).toEqual([422, 'REVIEWER_INVALID']);
      }
      // nobody can share without the reviewer's approval
      expect((await author.post(url(r.id, '/review/approve'))).status).toBe(409);
      expect((await author.get(url(r.id))).body.status).toBe('draft');
    });

    test('asking for approval freezes the draft: the author’s open socket becomes read-only at once', async () => {
      const res = await author.post(url(r.id, '/review'), { reviewerId: reviewer.userId });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'in_review', reviewer: { userId: reviewer.userId } });
      await until(() => authorDoc.accessEvents.some((e) => e.doc === r.docName && e.access === 'read'), 5000, 'access event');
      addParagraph(authorDoc.doc, 'Nog een zin na de aanvraag.');
      await authorDoc.settled();
      expect(authorDoc.refused.at(-1)).toMatchObject({ ok: false, code: 'READ_ONLY' });
      // the reviewer reads it (text and sections), others still do not
      const asReviewer = (await reviewer.get(url(r.id))).body as ReflectionDetail;
      expect(asReviewer).toMatchObject({ isReviewer: true, myAccess: 'read' });
      expect(asReviewer.sections.map((s) => s.id)).toEqual([sectionId]);
      expect((await imam.get(url(r.id))).status).toBe(404);
      // only the chosen reviewer approves
      expect((await imam.post(url(r.id, '/review/approve'))).status).toBe(404);
      expect((await author.post(url(r.id, '/review/approve'))).status).toBe(403);
    });

    test('the reviewer approves; it is shared with the lab and the database holds the four eyes', async () => {
      const res = await reviewer.post(url(r.id, '/review/approve'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'shared', approvedBy: { userId: reviewer.userId } });
      await until(() => authorDoc.accessEvents.some((e) => e.doc === r.docName && e.access === 'write'), 5000, 'write again');
      await expect(t.db.query(`UPDATE reflections SET approved_by = author_id WHERE id = $1`, [r.id])).rejects.toThrow();
      const list = await imam.get(`/api/labs/${labId}/reflections?status=shared`);
      expect(list.body.map((x: { id: string }) => x.id)).toContain(r.id);
    });

    test('the draft’s past is gone when it is shared: no old version, no stored update holds the real details', async () => {
      const versions = await imam.get(`/api/collab/docs/${encodeURIComponent(r.docName)}/versions`);
      expect(versions.status).toBe(200);
      expect(versions.body.map((v: { name: string }) => v.name)).toEqual(['Gedeeld · Partagée · Shared']);
      const stored: Array<{ data: Buffer }> = await t.db.query(
        `SELECT data FROM collab_updates WHERE doc_name = $1 UNION ALL SELECT data FROM collab_snapshots WHERE doc_name = $1
         UNION ALL SELECT data FROM collab_versions WHERE doc_name = $1`,
        [r.docName],
      );
      const bytes = Buffer.concat(stored.map((x) => Buffer.from(x.data))).toString('utf8');
      expect(bytes).toContain('Persoon A');
      for (const secret of ['Yasmina', 'Amrani', 'Karim', '033.28']) expect(bytes).not.toContain(secret);
    });

    test('a restricted section never reaches a socket that may not open it; the named sector reads it', async () => {
      const detail = (await imam.get(url(r.id))).body as ReflectionDetail;
      expect(detail.sections).toEqual([]);
      const main = await YClient.open(t.url, imam.cookie, r.docName, { record: true });
      await main.synced;
      const section = await YClient.open(t.url, imam.cookie, `reflection-section:${sectionId}`, { record: true });
      expect(section.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
      expect(plainText(main.doc)).toContain('Persoon A');
      const seen = main.received.join('\n') + section.received.join('\n');
      expect(seen).not.toContain('PTSS');
      expect(seen).not.toContain('Psychiatrisch');
      main.close();
      section.close();
      const allowed = await YClient.open(t.url, psychologist.cookie, `reflection-section:${sectionId}`);
      expect(allowed.join).toMatchObject({ ok: true, access: 'write' });
      await allowed.synced;
      expect(plainText(allowed.doc)).toContain(SECRET);
      allowed.close();
      expect(((await psychologist.get(url(r.id))).body as ReflectionDetail).sections.map((s) => s.id)).toEqual([sectionId]);
    });

    test('the pseudonym key never appears in anything another member receives', async () => {
      const everything: string[] = [];
      for (const other of [reviewer, imam, psychologist, facilitator]) {
        const c = await YClient.open(t.url, other.cookie, r.docName, { record: true });
        await c.synced;
        addParagraph(c.doc, 'Een gedachte van een collega.');
        await c.settled();
        everything.push(...c.received);
        c.close();
        for (const path of [url(r.id), `/api/labs/${labId}/reflections`, url(r.id, '/key'), url(r.id, '/gate'), url(r.id, '/readers'), url(r.id, '/export?format=md'), url(r.id, '/export?format=pdf'), `/api/collab/docs/${encodeURIComponent(r.docName)}/versions`]) {
          const res = await other.get(path).buffer(true);
          everything.push(res.text ?? '', JSON.stringify(res.body ?? ''), Buffer.isBuffer(res.body) ? res.body.toString('latin1') : '');
        }
      }
      const all = everything.join('\n');
      expect(all.length).toBeGreaterThan(1000);
      // (the phone number was marked "not identifying" by the author, so it is in the shared text)
      for (const secret of [NAME, 'Yasmina', 'Amrani', 'Karim', NRN, '033.28']) expect(all).not.toContain(secret);
      expect(all).toContain('Persoon A');
    });

    test('exports: Markdown and PDF of the shared version, audited', async () => {
      const md = await imam.get(url(r.id, '/export?format=md'));
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toContain('text/markdown');
      expect(md.text).toContain('# Terugkeer en huisvesting');
      expect(md.text).toContain('## Wonen');
      expect(md.text).toContain('Persoon A');
      expect(md.text).not.toContain('Psychiatrisch');
      const pdf = await imam.get(url(r.id, '/export?format=pdf')).buffer(true);
      expect(pdf.status).toBe(200);
      expect(Buffer.from(pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await imam.get(url(r.id, '/export?format=docx'))).status).toBe(400);
      const draft = await createReflection(author, labId);
      expect((await author.get(url(draft.id, '/export?format=md'))).status).toBe(409);
    });

    test('every opening, share and export is in the audit log, and the author sees who read it', async () => {
      const rows = (await t.auditActions()).filter((a) => a.resource_id === r.id);
      const actions = rows.map((a) => `${a.actor_id === imam.userId ? 'imam' : a.actor_id === author.userId ? 'author' : a.actor_id === reviewer.userId ? 'reviewer' : 'other'} ${a.action}`);
      for (const expected of ['author reflection.created', 'author reflection.review_requested', 'reviewer reflection.shared', 'imam reflection.opened', 'imam reflection.doc_opened', 'imam reflection.exported:md', 'imam reflection.exported:pdf', 'author reflection.key_saved', 'author reflection.key_opened', 'author reflection.doc_opened:section']) {
        expect(actions).toContain(expected);
      }
      // refusals are audited too
      expect(rows.some((a) => a.outcome === 'denied' && a.actor_id === imam.userId)).toBe(true);
      const readers = await author.get(url(r.id, '/readers'));
      expect(readers.status).toBe(200);
      const names = readers.body.map((x: { userId: string }) => x.userId);
      expect(names).toEqual(expect.arrayContaining([imam.userId, reviewer.userId, psychologist.userId]));
      expect(names).not.toContain(author.userId);
      expect((await imam.get(url(r.id, '/readers'))).status).toBe(404);
    });

    test('comments: anyone who writes may comment and reply; nobody writes as someone else or over their comment', async () => {
      const imamDoc = await YClient.open(t.url, imam.cookie, r.docName);
      await imamDoc.synced;
      const threadId = randomUUID();
      const thread = { id: threadId, authorId: imam.userId, authorName: 'Imam', body: 'Wat zegt de moeder hierover? @Testpersoon', mentions: [author.userId], quote: 'moeder', createdAt: new Date().toISOString() };
      imamDoc.doc.getMap('comments').set(commentKeys.thread(threadId), thread);
      await imamDoc.settled();
      expect(imamDoc.refused).toEqual([]);
      const authorSees = await YClient.open(t.url, author.cookie, r.docName);
      await authorSees.synced;
      expect(authorSees.doc.getMap('comments').get(commentKeys.thread(threadId))).toEqual(thread);
      const replyId = randomUUID();
      authorSees.doc.getMap('comments').set(commentKeys.reply(threadId, replyId), { id: replyId, threadId, authorId: author.userId, authorName: 'SW', body: 'Ze steunt haar.', mentions: [], createdAt: new Date().toISOString() });
      authorSees.doc.getMap('comments').set(commentKeys.resolution(threadId), { threadId, resolved: true, authorId: author.userId, at: new Date().toISOString() });
      await authorSees.settled();
      expect(authorSees.refused).toEqual([]);
      // forged author, overwritten comment, broken entry, nested type: refused, nothing applied on the server
      const attempts: Array<(m: Y.Map<unknown>) => void> = [
        (m) => m.set(commentKeys.thread(randomUUID()), { ...thread, id: randomUUID(), authorId: imam.userId }),
        (m) => m.set(commentKeys.thread(threadId), { ...thread, authorId: author.userId, body: 'overschreven' }),
        (m) => m.set('t:' + randomUUID(), { hello: 'world' }),
        (m) => m.set('x', 1),
        (m) => m.set(commentKeys.thread(randomUUID()), new Y.Map()),
        (m) => m.delete(commentKeys.thread(threadId)),
      ];
      for (const attempt of attempts) {
        const forger = await YClient.open(t.url, author.cookie, r.docName);
        await forger.synced;
        attempt(forger.doc.getMap('comments'));
        await forger.settled();
        expect(forger.refused.at(-1)).toMatchObject({ ok: false, code: 'SCHEMA_REJECTED' });
        forger.close();
      }
      const check = await YClient.open(t.url, psychologist.cookie, r.docName);
      await check.synced;
      expect(check.doc.getMap('comments').get(commentKeys.thread(threadId))).toEqual(thread);
      expect([...check.doc.getMap('comments').keys()].sort()).toEqual([commentKeys.reply(threadId, replyId), commentKeys.resolution(threadId), commentKeys.thread(threadId)].sort());
      // another member may reopen the thread (resolution is anyone's)
      check.doc.getMap('comments').set(commentKeys.resolution(threadId), { threadId, resolved: false, authorId: psychologist.userId, at: new Date().toISOString() });
      await check.settled();
      expect(check.refused).toEqual([]);
      [imamDoc, authorSees, check].forEach((c) => c.close());
    });

    test('an observer reads a shared reflection but cannot write; a crafted write is refused and not stored', async () => {
      const c = await YClient.open(t.url, observer.cookie, r.docName);
      expect(c.join).toMatchObject({ ok: true, access: 'read' });
      await c.synced;
      addParagraph(c.doc, 'Een waarnemer probeert te schrijven.');
      await c.settled();
      expect(c.refused.at(-1)).toMatchObject({ code: 'READ_ONLY' });
      c.close();
      const fresh = await YClient.open(t.url, imam.cookie, r.docName);
      await fresh.synced;
      expect(plainText(fresh.doc)).not.toContain('waarnemer');
      fresh.close();
    });
  });

  test('a too-large paste is refused whole with MESSAGE_TOO_LARGE, and nothing of it is stored', async () => {
    const r = await createReflection(author, labId, { title: 'Grote plakactie' });
    const c = await YClient.open(t.url, author.cookie, r.docName);
    await c.synced;
    addParagraph(c.doc, 'Lorem ipsum terugkeer. '.repeat(14_000));
    await c.settled();
    expect(c.refused.at(-1)).toMatchObject({ ok: false, code: 'MESSAGE_TOO_LARGE' });
    c.close();
    const fresh = await YClient.open(t.url, author.cookie, r.docName);
    await fresh.synced;
    expect(plainText(fresh.doc)).not.toContain('Lorem');
    fresh.close();
  });

  test('the reviewer can send a draft back with a note that only the author sees', async () => {
    const r = await createReflection(author, labId, { title: 'Opleiding na vrijlating' });
    (await write(t, author, r.docName, 'Hij wil een opleiding volgen.')).close();
    expect((await author.post(url(r.id, '/review'), { reviewerId: reviewer.userId })).status).toBe(201);
    const back = await reviewer.post(url(r.id, '/review/return'), { note: 'De gemeente is te herkenbaar.' });
    expect(back.status).toBe(201);
    expect(back.body).toEqual({ id: r.id, status: 'draft' });
    expect((await reviewer.get(url(r.id))).status).toBe(404);
    const mine = (await author.get(url(r.id))).body as ReflectionDetail;
    expect(mine).toMatchObject({ status: 'draft', reviewNote: 'De gemeente is te herkenbaar.', myAccess: 'write' });
  });

  test('a lab template set by the facilitator is used for new reflections; practitioners cannot change it', async () => {
    const template = { sections: [{ heading: { nl: 'Hulpvraag', fr: "Demande d'aide", en: 'Request for help' }, prompt: { nl: '', fr: '', en: '' }, lifeDomain: null }] };
    expect((await author.put(`/api/labs/${labId}/reflection-template`, template)).status).toBe(403);
    expect((await facilitator.put(`/api/labs/${labId}/reflection-template`, { sections: [] })).status).toBe(400);
    expect((await facilitator.put(`/api/labs/${labId}/reflection-template`, template)).status).toBe(200);
    const r = await createReflection(author, labId, { language: 'en' });
    const c = await YClient.open(t.url, author.cookie, r.docName);
    await c.synced;
    expect(plainText(c.doc)).toBe('Request for help');
    c.close();
  });
});
