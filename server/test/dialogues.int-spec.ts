import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_WATCHED_WORDS, DIALOGUE_LIMITS, type DialogueDetail, type DialogueMessage, type LiveNotice, type MessagesPage } from '@relab/shared';
import { databaseOptions } from '../src/common/db/database.options.js';
import { EmbeddedPostgres } from '../src/common/db/embedded-postgres.js';
import { MIGRATIONS } from '../src/common/db/migrations/index.js';
import { until } from './support/collab-client.js';
import { countMessages, everything, message, moderate, openDialogue, send, thread, type DialoguePaths, type Member } from './support/dialogue-helpers.js';
import { LiveClient } from './support/live-client.js';
import { TestApp, type Client } from './support/test-app.js';

describe('moderated dialogues', () => {
  let t: TestApp;
  let labId: string;
  let facilitator: Client & { memberId: string };
  let moderator: Member; // a practitioner named moderator
  let practitioner: Member; // a practitioner, not a moderator
  let familyA: Member;
  let familyB: Member;
  let returnee: Member;
  let outsider: Member; // a family member of the lab, not in the dialogues
  let observer: Member;

  beforeAll(async () => {
    t = await TestApp.start({}, { listen: true });
    const lab = await t.lab();
    labId = lab.labId;
    const members = await lab.facilitator.get(`/api/labs/${labId}/members`);
    facilitator = Object.assign(lab.facilitator, { memberId: members.body[0].id as string });
    moderator = await t.member(labId, facilitator, 'practitioner');
    practitioner = await t.member(labId, facilitator, 'practitioner');
    familyA = await t.member(labId, facilitator, 'family');
    familyB = await t.member(labId, facilitator, 'family');
    returnee = await t.member(labId, facilitator, 'returnee');
    outsider = await t.member(labId, facilitator, 'family');
    observer = await t.member(labId, facilitator, 'observer');
  });
  afterAll(() => t.stop());

  /** A dialogue with the usual cast; everyone has accepted its ground rules. */
  const standard = (extra: Record<string, unknown> = {}) =>
    openDialogue(facilitator, labId, { participants: [practitioner, familyA, familyB, returnee], moderators: [moderator], ...extra });

  describe('opening and membership', () => {
    test('a facilitator opens a dialogue; participants appear by pseudonym; moderators are practitioners and every facilitator', async () => {
      const { d } = await standard({ mode: 'post' });
      expect(d).toMatchObject({ labId, mode: 'post', groundRulesVersion: 1, paused: false, participantCount: 6, rev: 0 });
      expect(d.me).toMatchObject({ memberId: facilitator.memberId, participant: true, moderator: true, consentedVersion: 1, moderated: false });
      const members: Array<{ id: string; displayName: string }> = (await facilitator.get(`/api/labs/${labId}/members`)).body;
      const pseudonym = members.find((m) => m.id === familyA.memberId)!.displayName;
      expect(pseudonym).toMatch(/^Pseudo /);
      expect(d.participants).toEqual(expect.arrayContaining([
        { memberId: familyA.memberId, displayName: pseudonym, role: 'family', moderator: false },
        expect.objectContaining({ memberId: moderator.memberId, moderator: true, role: 'practitioner' }),
        expect.objectContaining({ memberId: practitioner.memberId, moderator: false }),
      ]));
      const mine = (await familyA.get(`/api/labs/${labId}/dialogues/${d.id}`)).body as DialogueDetail;
      expect(mine.me).toMatchObject({ participant: true, moderator: false, consentedVersion: 1, moderated: false });
      expect((await familyA.get(`/api/labs/${labId}/dialogues`)).body.map((x: { id: string }) => x.id)).toContain(d.id);
      // a second facilitator, not listed, moderates all the same
      const other = await t.member(labId, facilitator, 'facilitator');
      expect((await other.get(`/api/labs/${labId}/dialogues/${d.id}`)).body.me).toMatchObject({ participant: false, moderator: true });
      expect((await other.get(`/api/labs/${labId}/dialogues`)).body.map((x: { id: string }) => x.id)).toContain(d.id);
    });

    test('members not in the dialogue and observers get 404 DIALOGUE_NOT_FOUND, like for a dialogue that does not exist', async () => {
      const { d } = await standard();
      for (const who of [outsider, observer]) {
        const res = await who.get(`/api/labs/${labId}/dialogues/${d.id}`);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('DIALOGUE_NOT_FOUND');
        expect((await who.get(`/api/labs/${labId}/dialogues/${d.id}/messages`)).status).toBe(404);
        expect((await who.post(`/api/labs/${labId}/dialogues/${d.id}/messages`, message('Bonjour'))).status).toBe(404);
        expect((await who.get(`/api/labs/${labId}/dialogues`)).body.map((x: { id: string }) => x.id)).not.toContain(d.id);
      }
      expect((await familyA.get(`/api/labs/${labId}/dialogues/${randomUUID()}`)).body.code).toBe('DIALOGUE_NOT_FOUND');
      const stranger = await t.professional();
      expect((await stranger.get(`/api/labs/${labId}/dialogues/${d.id}`)).body.code).toBe('LAB_NOT_FOUND');
      // a dialogue of another lab is not found through this lab
      const other = await t.lab();
      expect((await other.facilitator.get(`/api/labs/${other.labId}/dialogues/${d.id}`)).body.code).toBe('DIALOGUE_NOT_FOUND');
    });

    test('only facilitators open dialogues; observers, strangers and families as moderators are refused; nothing is created', async () => {
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM dialogues`))[0].n as number;
      const before = await count();
      const base = { title: 'Gesprek', groundRules: 'Respect.', languages: ['nl'] };
      for (const who of [moderator, familyA, observer]) expect((await who.post(`/api/labs/${labId}/dialogues`, base)).status).toBe(403);
      const bad: Array<[string, object]> = [
        ['an observer as participant', { ...base, participantIds: [observer.memberId] }],
        ['a family member as moderator', { ...base, moderatorIds: [familyA.memberId] }],
        ['a member of no lab', { ...base, participantIds: [randomUUID()] }],
        ['a short title', { ...base, title: 'x' }],
        ['no ground rules', { ...base, groundRules: '  ' }],
        ['an unknown language', { ...base, languages: ['de'] }],
        ['twice the same language', { ...base, languages: ['nl', 'nl'] }],
        ['an unknown mode', { ...base, mode: 'never' }],
        ['firstN out of range', { ...base, firstN: 0 }],
        ['a malformed member id', { ...base, participantIds: ['abc'] }],
        ['an unknown field', { ...base, owner: 'me' }],
      ];
      for (const [what, body] of bad) {
        const res = await facilitator.post(`/api/labs/${labId}/dialogues`, body);
        expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
      }
      expect(await count()).toBe(before);
    });
  });

  describe('ground rules and consent', () => {
    test('writing needs consent to the current version; a changed text bumps the version and asks again', async () => {
      const { d, p } = await openDialogue(facilitator, labId, { participants: [familyA], moderators: [moderator], mode: 'post' }, { consent: false });
      const refused = await familyA.post(p.messages, message('Bonjour à tous'));
      expect(refused.status).toBe(428);
      expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED', details: { version: 1 } });
      expect(await countMessages(t, d.id)).toBe(0);
      expect((await familyA.post(`${p.base}/consent`, { version: 2 })).body).toMatchObject({ code: 'GROUND_RULES_OUTDATED', details: { version: 1 } });
      for (const body of [{}, { version: 0 }, { version: '1' }, { version: 1, extra: true }]) expect((await familyA.post(`${p.base}/consent`, body)).status).toBe(400);
      const ok = await familyA.post(`${p.base}/consent`, { version: 1 });
      expect(ok.status).toBe(200);
      expect(ok.body.me.consentedVersion).toBe(1);
      const [row] = await t.db.query(`SELECT version, text_hash, consented_at FROM dialogue_consents WHERE dialogue_id = $1 AND member_id = $2`, [d.id, familyA.memberId]);
      expect(row.version).toBe(1);
      expect(row.text_hash).toBe(createHash('sha256').update(d.groundRules).digest('hex'));
      expect(row.consented_at).toBeInstanceOf(Date);
      expect((await familyA.post(p.messages, message('Bonjour à tous'))).status).toBe(201);

      // the same text again changes nothing; a new text is version 2
      expect((await facilitator.patch(p.base, { groundRules: d.groundRules })).body.groundRulesVersion).toBe(1);
      const changed = await facilitator.patch(p.base, { groundRules: 'Nouvelles règles : on se respecte.' });
      expect(changed.body).toMatchObject({ groundRulesVersion: 2, groundRules: 'Nouvelles règles : on se respecte.' });
      expect(changed.body.me.consentedVersion).toBe(2); // who wrote them accepted them
      const outdated = await familyA.post(p.messages, message('Encore moi'));
      expect(outdated.status).toBe(409);
      expect(outdated.body).toMatchObject({ code: 'GROUND_RULES_OUTDATED', details: { version: 2 } });
      expect((await familyA.post(`${p.base}/consent`, { version: 1 })).body.code).toBe('GROUND_RULES_OUTDATED');
      expect((await familyA.post(`${p.base}/consent`, { version: 2 })).body.me.consentedVersion).toBe(2);
      expect((await familyA.post(p.messages, message('Encore moi'))).status).toBe(201);
      // moderators run the dialogue; only facilitators change its rules
      expect((await moderator.patch(p.base, { groundRules: 'Autre chose' })).status).toBe(403);
      expect((await moderator.patch(p.base, { slowModeSeconds: 0 })).status).toBe(200);
    });
  });

  describe('moderation modes', () => {
    test('pre: families wait, professionals publish at once; nobody else sees what waits or was rejected; the author sees why', async () => {
      const { p } = await standard({ mode: 'pre' });
      const a1 = await send(familyA, p, 'Mon fils rentre la semaine prochaine.');
      expect(a1).toMatchObject({ status: 'pending', heldBecause: 'pre', mine: true, body: 'Mon fils rentre la semaine prochaine.', language: 'fr' });
      const a2 = await send(familyA, p, 'Je ne sais pas quoi lui dire.');
      const b1 = await send(familyB, p, 'Wij hebben hetzelfde meegemaakt.', { language: 'nl' });
      const pro = await send(practitioner, p, 'Welkom allemaal.', { language: 'nl' });
      expect(pro).toMatchObject({ status: 'published', heldBecause: null });
      expect((await familyA.get(p.base)).body.me.moderated).toBe(true);

      // family B sees only the published message and their own pending one
      const seenByB = await thread(familyB, p);
      expect([...seenByB.keys()].sort()).toEqual([b1.id, pro.id].sort());
      expect(JSON.stringify([...seenByB.values()])).not.toContain('Mon fils');
      const queue = (await moderator.get(`${p.base}/moderation`)).body;
      expect(queue.pending.map((x: DialogueMessage) => x.id)).toEqual([a1.id, a2.id, b1.id]);

      expect((await moderate(moderator, p, a2.id, 'reject')).status).toBe(400); // a reason is required
      const rejected = await moderate(moderator, p, a2.id, 'reject', 'Dit deel je beter persoonlijk.');
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Dit deel je beter persoonlijk.' });
      const approved = await moderate(moderator, p, a1.id, 'approve');
      expect(approved.body).toMatchObject({ status: 'published', heldBecause: null });
      expect((await moderate(moderator, p, a1.id, 'approve')).body.code).toBe('MODERATION_NOT_ALLOWED');
      expect((await moderate(moderator, p, a2.id, 'hide')).body.code).toBe('MODERATION_NOT_ALLOWED');

      const byA = await thread(familyA, p);
      expect(byA.get(a1.id)).toMatchObject({ status: 'published' });
      expect(byA.get(a2.id)).toMatchObject({ status: 'rejected', rejectReason: 'Dit deel je beter persoonlijk.', body: 'Je ne sais pas quoi lui dire.' });
      expect(byA.has(b1.id)).toBe(false);
      const byB = await thread(familyB, p);
      expect(byB.get(a1.id)).toMatchObject({ status: 'published', body: 'Mon fils rentre la semaine prochaine.', mine: false, clientId: null, rejectReason: null, heldBecause: null });
      expect(byB.has(a2.id)).toBe(false);
      expect(JSON.stringify([...byB.values()])).not.toContain('persoonlijk');
      const byPractitioner = await thread(practitioner, p);
      expect(byPractitioner.has(a2.id)).toBe(false);
      expect(byPractitioner.has(b1.id)).toBe(false);
      // moderators see everything, reasons included
      const byMod = await thread(moderator, p);
      expect(byMod.get(a2.id)).toMatchObject({ status: 'rejected', rejectReason: 'Dit deel je beter persoonlijk.' });
      expect(byMod.get(b1.id)).toMatchObject({ status: 'pending', heldBecause: 'pre' });
      // a rejection can be undone by approving
      expect((await moderate(facilitator, p, a2.id, 'approve')).body).toMatchObject({ status: 'published', rejectReason: null });
    });

    test('post: published at once; hidden is a bare marker for others, the text for its author and moderators; restore', async () => {
      const { p } = await standard({ mode: 'post' });
      const a = await send(familyA, p, 'Merci pour votre soutien.', { mentions: [familyB.memberId] });
      expect(a).toMatchObject({ status: 'published', heldBecause: null });
      expect((await thread(familyB, p)).get(a.id)).toMatchObject({ body: 'Merci pour votre soutien.' });
      const hidden = await moderate(moderator, p, a.id, 'hide');
      expect(hidden.body).toMatchObject({ status: 'hidden', body: 'Merci pour votre soutien.' });
      expect((await thread(familyB, p)).get(a.id)).toMatchObject({ status: 'hidden', body: null, mentions: [], author: { memberId: familyA.memberId } });
      expect((await thread(familyA, p)).get(a.id)).toMatchObject({ status: 'hidden', body: 'Merci pour votre soutien.' });
      expect((await moderate(moderator, p, a.id, 'hide')).body.code).toBe('MODERATION_NOT_ALLOWED');
      expect((await moderate(moderator, p, a.id, 'restore')).body.status).toBe('published');
      expect((await moderate(moderator, p, a.id, 'restore')).body.code).toBe('MODERATION_NOT_ALLOWED');
      expect((await thread(familyB, p)).get(a.id)).toMatchObject({ status: 'published', body: 'Merci pour votre soutien.' });
    });

    test('first_n: the first N messages wait, approved ones count, then the member is trusted', async () => {
      const { p } = await standard({ mode: 'first_n', firstN: 2 });
      const m1 = await send(returnee, p, 'Bonjour, je suis nouveau ici.');
      const m2 = await send(returnee, p, 'Je cherche du travail.');
      expect([m1.heldBecause, m2.heldBecause]).toEqual(['first_n', 'first_n']);
      expect((await moderate(moderator, p, m1.id, 'approve')).status).toBe(200);
      expect((await send(returnee, p, 'Encore une question.')).status).toBe('pending'); // one approved of two
      expect((await moderate(moderator, p, m2.id, 'reject', 'Pas ici.')).status).toBe(200);
      expect((await returnee.get(p.base)).body.me.moderated).toBe(true); // rejected ones do not count
      const m3 = (await moderator.get(`${p.base}/moderation`)).body.pending[0] as DialogueMessage;
      await moderate(moderator, p, m3.id, 'approve');
      expect((await returnee.get(p.base)).body.me.moderated).toBe(false);
      expect(await send(returnee, p, 'Merci à vous.')).toMatchObject({ status: 'published', heldBecause: null });
      // trust is per member: family B still starts moderated
      expect((await send(familyB, p, 'Moi aussi je suis là.')).status).toBe('pending');
    });
  });

  describe('refusals', () => {
    test('a family member can never act as moderator, whatever they send; nothing changes', async () => {
      const { d, p } = await standard({ mode: 'pre' });
      const waiting = await send(familyB, p, 'Est-ce que quelqu’un peut m’aider ?');
      const published = await send(practitioner, p, 'Natuurlijk.', { language: 'nl' });
      const attempts: Array<[string, () => Promise<{ status: number }>]> = [
        ['PATCH', () => familyA.patch(p.base, { paused: true })],
        ['PATCH mode', () => familyA.patch(p.base, { mode: 'post' })],
        ['add participants', () => familyA.post(`${p.base}/participants`, { memberIds: [outsider.memberId], moderator: true })],
        ['remove someone else', () => familyA.delete(`${p.base}/participants/${familyB.memberId}`)],
        ['read the queue', () => familyA.get(`${p.base}/moderation`)],
        ...(['approve', 'reject', 'hide', 'restore'] as const).flatMap((action) => [
          [`${action} a pending message`, () => moderate(familyA, p, waiting.id, action, 'x')],
          [`${action} a published message`, () => moderate(familyA, p, published.id, action, 'x')],
        ] as Array<[string, () => Promise<{ status: number }>]>),
        ['edit watched words', () => familyA.put(`/api/labs/${labId}/watched-words`, { words: [] })],
        ['read watched words', () => familyA.get(`/api/labs/${labId}/watched-words`)],
      ];
      for (const [what, attempt] of attempts) expect([what, (await attempt()).status]).toEqual([what, 403]);
      for (const body of [{}, { mode: 'never' }, { slowModeSeconds: 3601 }, { flagThreshold: 0 }, { paused: 'yes' }, { pauseReason: 'x'.repeat(301) }, { rev: 5 }]) {
        expect((await moderator.patch(p.base, body)).status).toBe(400);
      }
      // a practitioner who is not a moderator is refused too, by the dialogue
      const res = await moderate(practitioner, p, waiting.id, 'approve');
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      expect((await practitioner.get(`${p.base}/moderation`)).status).toBe(403);
      const byMod = await thread(moderator, p);
      expect(byMod.get(waiting.id)!.status).toBe('pending');
      expect(byMod.get(published.id)!.status).toBe('published');
      expect((await moderator.get(p.base)).body).toMatchObject({ mode: 'pre', paused: false, participantCount: d.participantCount });
    });

    test('empty, too long and malformed messages are a clear 400; nothing is stored', async () => {
      const { d, p } = await standard({ mode: 'post' });
      const ok = message('Bonjour');
      const bad: Array<[string, unknown]> = [
        ['an empty body', { ...ok, body: '' }],
        ['a blank body', { ...ok, body: '  \n ' }],
        ['a body one character too long', { ...ok, body: 'x'.repeat(DIALOGUE_LIMITS.message.max + 1) }],
        ['a NUL character', { ...ok, body: 'a\u0000b' }],
        ['a body that is not text', { ...ok, body: 42 }],
        ['no client id', { body: 'Bonjour', language: 'fr' }],
        ['a malformed client id', { ...ok, clientId: 'abc' }],
        ['an unknown language', { ...ok, language: 'de' }],
        ['an unknown field', { ...ok, status: 'published' }],
        ['mentions that are not ids', { ...ok, mentions: ['abc'] }],
        ['too many mentions', { ...ok, mentions: Array.from({ length: DIALOGUE_LIMITS.mentionsPerMessage + 1 }, () => randomUUID()) }],
        ['a malformed reply', { ...ok, replyTo: 'x' }],
        ['an array', [ok]],
      ];
      for (const [what, body] of bad) {
        const res = await familyA.post(p.messages, body as object);
        expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
        expect(typeof res.body.message).toBe('string');
      }
      const json = await familyA.http.post(p.messages).set('x-csrf-token', familyA.csrf).set('Content-Type', 'application/json').send('{"body": "Bon');
      expect([json.status, json.body.code]).toEqual([400, 'MALFORMED_JSON']);
      expect((await familyA.post(`/api/labs/${labId}/dialogues/not-an-id/messages`, ok)).body.code).toBe('MALFORMED_ID');
      expect((await familyA.post(`/api/labs/${labId}/dialogues/${randomUUID()}/messages`, ok)).body.code).toBe('DIALOGUE_NOT_FOUND');
      for (const q of ['since=-1', 'since=abc', 'since=1.5', 'since=1&x=2']) expect([q, (await familyA.get(`${p.messages}?${q}`)).status]).toEqual([q, 400]);
      expect((await familyA.put(`${p.msg('nope')}/reactions/heart`)).body.code).toBe('MALFORMED_ID');
      expect((await moderate(moderator, p, randomUUID(), 'approve')).body.code).toBe('MESSAGE_NOT_FOUND');
      expect((await moderator.post(`${p.msg(randomUUID())}/moderation`, { action: 'delete' })).status).toBe(400);
      expect(await countMessages(t, d.id)).toBe(0);
      // exactly at the limit is fine
      expect((await familyA.post(p.messages, message('é'.repeat(DIALOGUE_LIMITS.message.max)))).status).toBe(201);
    });

    test('a paused dialogue refuses non-moderators with the reason; moderators may still write', async () => {
      const { d, p } = await standard({ mode: 'post' });
      expect((await moderator.patch(p.base, { paused: true, pauseReason: 'Even een adempauze.' })).body).toMatchObject({ paused: true, pauseReason: 'Even een adempauze.' });
      for (const who of [familyA, practitioner]) {
        const res = await who.post(p.messages, message('On peut continuer ?'));
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'DIALOGUE_PAUSED', details: { reason: 'Even een adempauze.' } });
      }
      expect((await familyA.get(p.base)).body).toMatchObject({ paused: true, pauseReason: 'Even een adempauze.' });
      expect((await moderator.post(p.messages, message('We gaan zo verder.', { language: 'nl' }))).status).toBe(201);
      expect(await countMessages(t, d.id)).toBe(1);
      expect((await moderator.patch(p.base, { paused: false })).body).toMatchObject({ paused: false, pauseReason: null });
      expect((await familyA.post(p.messages, message('On peut continuer ?'))).status).toBe(201);
    });

    test('slow mode makes non-moderators wait, saying how long; moderators are not slowed', async () => {
      const { p } = await standard({ mode: 'post', slowModeSeconds: 60 });
      await send(familyA, p, 'Premier message.');
      const res = await familyA.post(p.messages, message('Deuxième message.'));
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('SLOW_MODE');
      expect(res.body.details.retryAfterSeconds).toBeGreaterThan(50);
      expect(res.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
      await send(familyB, p, 'Un autre membre peut écrire.');
      await send(moderator, p, 'Een.', { language: 'nl' });
      await send(moderator, p, 'Twee.', { language: 'nl' });
    });

    test(`a member may send at most ${DIALOGUE_LIMITS.messagesPerMinute} messages a minute per dialogue`, async () => {
      const { d, p } = await standard({ mode: 'post' });
      for (let i = 0; i < DIALOGUE_LIMITS.messagesPerMinute; i++) await send(practitioner, p, `Bericht ${i}`, { language: 'nl' });
      const res = await practitioner.post(p.messages, message('Eén te veel', { language: 'nl' }));
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(await countMessages(t, d.id)).toBe(DIALOGUE_LIMITS.messagesPerMinute);
      await send(familyA, p, 'Les autres peuvent toujours écrire.');
    });

    test('a reply must answer a published message the sender can see; mentions must be participants', async () => {
      const { d, p } = await standard({ mode: 'pre' });
      const other = await standard({ mode: 'post' });
      const bWaiting = await send(familyB, p, 'En attente.');
      const aWaiting = await send(familyA, p, 'Moi aussi en attente.');
      const pub = await send(practitioner, p, 'Hoe gaat het met jullie?', { language: 'nl' });
      const elsewhere = await send(practitioner, other.p, 'Elders.', { language: 'nl' });
      const before = await countMessages(t, d.id);
      for (const replyTo of [bWaiting.id, randomUUID(), elsewhere.id]) {
        const res = await familyA.post(p.messages, message('Réponse', { replyTo }));
        expect([res.status, res.body.code]).toEqual([404, 'MESSAGE_NOT_FOUND']);
      }
      const toOwn = await familyA.post(p.messages, message('Réponse', { replyTo: aWaiting.id }));
      expect([toOwn.status, toOwn.body.code]).toEqual([409, 'MODERATION_NOT_ALLOWED']);
      for (const mention of [outsider.memberId, observer.memberId, randomUUID()]) {
        const res = await familyA.post(p.messages, message('Bonjour', { mentions: [familyB.memberId, mention] }));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'mentions.1' }] });
      }
      expect(await countMessages(t, d.id)).toBe(before);
      const reply = await send(familyA, p, 'Ça va mieux, merci.', { replyTo: pub.id, mentions: [practitioner.memberId] });
      expect(reply).toMatchObject({ replyTo: pub.id, mentions: [{ memberId: practitioner.memberId, displayName: expect.any(String) }] });
      const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dialogue.message_sent' AND resource_id = $1`, [reply.id]);
      expect(audit[0].n).toBe(1);
    });
  });

  describe('idempotent sends', () => {
    test('the same client id twice stores one message: 201, then 200 with the stored one; another body is CLIENT_ID_REUSED', async () => {
      const { d, p } = await standard({ mode: 'pre' });
      const m = message('Je renvoie ce message après une coupure.');
      const first = await familyA.post(p.messages, m);
      const again = await familyA.post(p.messages, m);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toMatchObject({ id: first.body.id, clientId: m.clientId, status: 'pending', rev: first.body.rev });
      expect(await countMessages(t, d.id)).toBe(1);
      const reused = await familyA.post(p.messages, { ...m, body: 'Un autre texte.' });
      expect([reused.status, reused.body.code]).toEqual([409, 'CLIENT_ID_REUSED']);
      // the replay is answered even once the dialogue is paused (the message was stored before)
      await moderator.patch(p.base, { paused: true });
      expect((await familyA.post(p.messages, m)).status).toBe(200);
      await moderator.patch(p.base, { paused: false });
      // a client id is the author's own: someone else may use the same one
      expect((await familyB.post(p.messages, { ...m, body: 'Autre auteur.' })).status).toBe(201);
      expect(await countMessages(t, d.id)).toBe(2);
      const sent = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dialogue.message_sent' AND resource_id = $1`, [first.body.id]);
      expect(sent[0].n).toBe(1);
    });

    test('concurrent identical sends store exactly one message and all get it', async () => {
      const { d, p } = await standard({ mode: 'post' });
      const m = message('Envoyé deux fois en même temps.');
      const results = await Promise.all(Array.from({ length: 4 }, () => familyA.post(p.messages, m)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await countMessages(t, d.id)).toBe(1);
      expect((await thread(familyB, p)).size).toBe(1);
    });

    test('concurrent sends by many members get distinct, gap-free seqs and revs', async () => {
      const { d, p } = await standard({ mode: 'post' });
      const who = [familyA, familyB, returnee, practitioner, moderator, facilitator];
      const results = await Promise.all(who.flatMap((w) => [w.post(p.messages, message('Un.')), w.post(p.messages, message('Deux.'))]));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const rows: Array<{ seq: number; rev: string }> = await t.db.query(`SELECT seq, rev::text FROM dialogue_messages WHERE dialogue_id = $1 ORDER BY seq`, [d.id]);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(rows.map((r) => Number(r.rev)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect((await familyA.get(p.base)).body.rev).toBe(12);
    });
  });

  describe('watched words', () => {
    test('every lab starts with the default list; only facilitators read and replace it', async () => {
      expect((await facilitator.get(`/api/labs/${labId}/watched-words`)).body).toEqual(DEFAULT_WATCHED_WORDS);
      const fresh = await t.lab();
      const [row] = await t.db.query(`SELECT words FROM lab_watched_words WHERE lab_id = $1`, [fresh.labId]);
      expect(row.words).toEqual(DEFAULT_WATCHED_WORDS);
      for (const who of [moderator, familyA, observer]) expect((await who.get(`/api/labs/${labId}/watched-words`)).status).toBe(403);
      const bad = [{}, { words: [{ word: 'x', language: null, action: 'block' }] }, { words: [{ word: 'woord', language: 'de', action: 'block' }] }, { words: [{ word: 'woord', language: null, action: 'ban' }] }];
      for (const body of bad) expect((await fresh.facilitator.put(`/api/labs/${fresh.labId}/watched-words`, body)).status).toBe(400);
      const put = await fresh.facilitator.put(`/api/labs/${fresh.labId}/watched-words`, {
        words: [{ word: 'banaan', language: null, action: 'mask' }, { word: 'Banáán', language: null, action: 'block' }, { word: 'peer', language: 'nl', action: 'hold' }],
      });
      expect(put.body).toEqual([{ word: 'banaan', language: null, action: 'block' }, { word: 'peer', language: 'nl', action: 'hold' }]);
      expect((await fresh.facilitator.get(`/api/labs/${fresh.labId}/watched-words`)).body).toEqual(put.body);
      expect((await t.auditActions()).some((a) => a.action === 'dialogue.watched_words_updated' && a.lab_id === fresh.labId)).toBe(true);
    });

    test('the migration gives labs that existed before it the default list', async () => {
      const pg = await EmbeddedPostgres.start();
      const upTo = MIGRATIONS.findIndex((M) => new M().name === 'Dialogues1767000000000');
      const ds = new DataSource({ ...(databaseOptions(pg.url, true) as object), migrationsRun: false, logging: false, migrations: MIGRATIONS.slice(0, upTo) } as never);
      try {
        await ds.initialize();
        await ds.runMigrations();
        const lab = randomUUID();
        await ds.query(`INSERT INTO labs (id, name, languages) VALUES ($1, 'Bestaand lab', '{nl}')`, [lab]);
        const runner = ds.createQueryRunner();
        await new MIGRATIONS[upTo]!().up(runner);
        await runner.release();
        const [row] = await ds.query(`SELECT words FROM lab_watched_words WHERE lab_id = $1`, [lab]);
        expect(row.words).toEqual(DEFAULT_WATCHED_WORDS);
      } finally {
        if (ds.isInitialized) await ds.destroy();
        await pg.stop();
      }
    });

    test('block refuses the message and stores nothing; hold makes anyone wait; mask stores the masked text only', async () => {
      const { d, p } = await standard({ mode: 'post' });
      const blocked = await practitioner.post(p.messages, message('Je vais  te tuer.'));
      expect(blocked.status).toBe(422);
      expect(blocked.body).toMatchObject({ code: 'MESSAGE_BLOCKED', details: { words: ['je vais te tuer'] } });
      expect(await countMessages(t, d.id)).toBe(0);
      const held = await send(practitioner, p, 'Voici mon adresse pour le colis.');
      expect(held).toMatchObject({ status: 'pending', heldBecause: 'watched_word' });
      expect((await thread(familyA, p)).has(held.id)).toBe(false);
      const masked = await send(familyA, p, 'Quel connard, ce voisin.');
      expect(masked).toMatchObject({ status: 'published', body: 'Quel *******, ce voisin.' });
      const stored = await t.db.query(`SELECT body FROM dialogue_messages WHERE dialogue_id = $1`, [d.id]);
      expect(JSON.stringify(stored)).not.toContain('connard');
      // a word with a language applies to messages in that language
      expect((await send(familyA, p, 'Quel connard.', { language: 'nl' })).body).toBe('Quel connard.');
    });
  });

  describe('flags and reactions', () => {
    test('a member flags once; at the threshold the message is hidden and queued as flagged; moderators keep it hidden or restore it', async () => {
      const { p } = await standard({ mode: 'post', flagThreshold: 2 });
      const m = await send(practitioner, p, 'Iedereen kent het adres van die familie.', { language: 'nl' });
      const flagged = await familyA.post(`${p.msg(m.id)}/flag`);
      expect(flagged.body).toMatchObject({ status: 'published', flaggedByMe: true, flagCount: 0 });
      expect((await familyA.post(`${p.msg(m.id)}/flag`)).body.flaggedByMe).toBe(true); // once per member
      expect((await thread(moderator, p)).get(m.id)).toMatchObject({ flagCount: 1, flaggedByMe: false });
      expect((await thread(familyB, p)).get(m.id)).toMatchObject({ flagCount: 0, flaggedByMe: false });
      expect((await practitioner.post(`${p.msg(m.id)}/flag`)).body.code).toBe('MODERATION_NOT_ALLOWED'); // not one's own
      await familyB.post(`${p.msg(m.id)}/flag`);
      expect((await thread(returnee, p)).get(m.id)).toMatchObject({ status: 'hidden', body: null });
      expect((await thread(practitioner, p)).get(m.id)).toMatchObject({ status: 'hidden', heldBecause: 'flags', body: 'Iedereen kent het adres van die familie.' });
      const queue = (await moderator.get(`${p.base}/moderation`)).body;
      expect(queue.flagged.map((x: DialogueMessage) => x.id)).toEqual([m.id]);
      expect(queue.flagged[0].flagCount).toBe(2);
      expect((await returnee.post(`${p.msg(m.id)}/flag`)).body.code).toBe('MODERATION_NOT_ALLOWED'); // hidden: nothing to flag
      // keeping it hidden takes it out of the queue
      expect((await moderate(moderator, p, m.id, 'hide')).body).toMatchObject({ status: 'hidden', heldBecause: null });
      expect((await moderator.get(`${p.base}/moderation`)).body.flagged).toEqual([]);
      // restoring starts afresh
      expect((await moderate(moderator, p, m.id, 'restore')).body).toMatchObject({ status: 'published', flagCount: 0 });
      expect((await thread(familyA, p)).get(m.id)).toMatchObject({ status: 'published', flaggedByMe: false });
    });

    test('reactions: one per member and kind, set with PUT and withdrawn with DELETE, only on published messages', async () => {
      const { p } = await standard({ mode: 'pre' });
      const pub = await send(practitioner, p, 'Welkom!', { language: 'nl' });
      const waiting = await send(familyB, p, 'En attente.');
      expect((await familyA.put(`${p.msg(pub.id)}/reactions/heart`)).body).toMatchObject({ reactions: { heart: 1 }, myReactions: ['heart'] });
      expect((await familyA.put(`${p.msg(pub.id)}/reactions/heart`)).body.reactions).toEqual({ heart: 1 });
      await familyB.put(`${p.msg(pub.id)}/reactions/heart`);
      await familyB.put(`${p.msg(pub.id)}/reactions/pray`);
      expect((await thread(returnee, p)).get(pub.id)).toMatchObject({ reactions: { heart: 2, pray: 1 }, myReactions: [] });
      expect((await familyB.delete(`${p.msg(pub.id)}/reactions/heart`)).body).toMatchObject({ reactions: { heart: 1, pray: 1 }, myReactions: ['pray'] });
      expect((await familyB.delete(`${p.msg(pub.id)}/reactions/heart`)).status).toBe(200);
      expect((await familyA.put(`${p.msg(pub.id)}/reactions/poop`)).status).toBe(400);
      expect((await familyA.put(`${p.msg(waiting.id)}/reactions/heart`)).body.code).toBe('MESSAGE_NOT_FOUND');
      expect((await familyB.put(`${p.msg(waiting.id)}/reactions/heart`)).body.code).toBe('MODERATION_NOT_ALLOWED');
      expect((await outsider.put(`${p.msg(pub.id)}/reactions/heart`)).body.code).toBe('DIALOGUE_NOT_FOUND');
    });
  });

  describe('fetching changes', () => {
    test('since returns what changed after a rev, visible to the viewer, in rev order', async () => {
      const { p } = await standard({ mode: 'pre' });
      const a = await send(familyA, p, 'Premier, en attente.');
      const pro = await send(practitioner, p, 'Tweede.', { language: 'nl' });
      const seen = (await familyB.get(`${p.messages}?since=0`)).body as MessagesPage;
      expect(seen).toMatchObject({ more: false, messages: [{ id: pro.id }] });
      expect(seen.rev).toBe(2); // complete up to the dialogue's rev, even past what B may not see
      await moderate(moderator, p, a.id, 'approve');
      const next = (await familyB.get(`${p.messages}?since=${seen.rev}`)).body as MessagesPage;
      expect(next.messages.map((x) => [x.id, x.rev])).toEqual([[a.id, 3]]);
      expect((await familyB.get(`${p.messages}?since=${next.rev}`)).body).toEqual({ rev: 3, messages: [], more: false });
      const all = (await familyB.get(`${p.messages}`)).body as MessagesPage;
      expect(all.messages.map((x) => x.id)).toEqual([pro.id, a.id]); // rev order, not seq order
      expect(all.messages.map((x) => x.seq)).toEqual([2, 1]);
    });

    test(`pages hold ${DIALOGUE_LIMITS.page} changes; more says to fetch again from the rev given`, async () => {
      const { d, p } = await standard({ mode: 'post' });
      const total = DIALOGUE_LIMITS.page + 37;
      // many messages written straight into the tables (the API's rate limit would take minutes)
      await t.db.query(
        `INSERT INTO dialogue_messages (id, dialogue_id, seq, rev, status, author_member_id, author_user_id, author_role, body, language, ever_published)
         SELECT gen_random_uuid(), $1, g, g, 'published', $2, $3, 'practitioner', 'Bericht ' || g, 'nl', true FROM generate_series(1, $4::int) g`,
        [d.id, practitioner.memberId, practitioner.userId, total],
      );
      await t.db.query(`UPDATE dialogues SET rev = $2::int, last_seq = $2::int WHERE id = $1`, [d.id, total]);
      const first = (await familyA.get(`${p.messages}?since=0`)).body as MessagesPage;
      expect(first).toMatchObject({ more: true, rev: DIALOGUE_LIMITS.page });
      expect(first.messages).toHaveLength(DIALOGUE_LIMITS.page);
      const second = (await familyA.get(`${p.messages}?since=${first.rev}`)).body as MessagesPage;
      expect(second).toMatchObject({ more: false, rev: total });
      expect(second.messages.map((x) => x.rev)).toEqual(Array.from({ length: 37 }, (_, i) => DIALOGUE_LIMITS.page + i + 1));
      const everythingSeen = await everything(familyA, p);
      expect(everythingSeen.messages.map((x) => x.body)).toEqual(Array.from({ length: total }, (_, i) => `Bericht ${i + 1}`));
      // an erasure of many messages gives each its own rev, so paging never skips any
      const erased = await practitioner.post(`${p.base}/erase-mine`);
      expect(erased.body).toEqual({ erased: total });
      const after = await everything(familyA, p, total);
      expect(after.messages).toHaveLength(total);
      expect(new Set(after.messages.map((x) => x.rev)).size).toBe(total);
      expect(after.messages.every((x) => x.status === 'erased')).toBe(true);
    });
  });

  describe('erasure', () => {
    test('erase-mine really erases the text and personal data, leaves anonymous markers in threads, and removes the member', async () => {
      const { d, p } = await standard({ mode: 'pre' });
      const secret = 'Mon fils Karim habite rue des Tilleuls';
      const a1 = await send(familyA, p, `${secret} 12.`, { mentions: [familyB.memberId] });
      const a2 = await send(familyA, p, 'Deuxième message de A.');
      const a3 = await send(familyA, p, 'Troisième, qui sera refusé.');
      await moderate(moderator, p, a1.id, 'approve');
      await moderate(moderator, p, a3.id, 'reject', 'Te persoonlijk.');
      const pro = await send(practitioner, p, 'Dank je, dat is moedig.', { language: 'nl', replyTo: a1.id, mentions: [familyA.memberId] });
      await familyB.put(`${p.msg(a1.id)}/reactions/heart`);
      await familyA.put(`${p.msg(pro.id)}/reactions/clap`);
      await familyA.post(`${p.msg(pro.id)}/flag`);

      const res = await familyA.post(`${p.base}/erase-mine`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ erased: 3 });

      const rows = await t.db.query(
        `SELECT id, status, body, language, author_member_id, author_user_id, author_role, mentions::text[] AS mentions, client_id, client_hash, reject_reason, held_because
         FROM dialogue_messages WHERE id = ANY($1::uuid[])`,
        [[a1.id, a2.id, a3.id]],
      );
      expect(rows).toHaveLength(3);
      for (const r of rows) {
        expect(r).toMatchObject({ status: 'erased', body: null, language: null, author_member_id: null, author_user_id: null, author_role: null, mentions: [], client_id: null, client_hash: null, reject_reason: null, held_because: null });
      }
      const leftovers = await t.db.query(
        `SELECT (SELECT count(*)::int FROM dialogue_reactions r JOIN dialogue_messages m ON m.id = r.message_id
                 WHERE m.dialogue_id = $1 AND (r.member_id = $2 OR r.message_id = ANY($3::uuid[]))) AS reactions,
                (SELECT count(*)::int FROM dialogue_flags f JOIN dialogue_messages m ON m.id = f.message_id WHERE m.dialogue_id = $1 AND f.member_id = $2) AS flags,
                (SELECT count(*)::int FROM dialogue_consents WHERE dialogue_id = $1 AND member_id = $2) AS consents,
                (SELECT count(*)::int FROM dialogue_participants WHERE dialogue_id = $1 AND member_id = $2) AS seats,
                (SELECT count(*)::int FROM dialogue_messages WHERE dialogue_id = $1 AND $2 = ANY(mentions)) AS mentions`,
        [d.id, familyA.memberId, [a1.id, a2.id, a3.id]],
      );
      expect(leftovers[0]).toEqual({ reactions: 0, flags: 0, consents: 0, seats: 0, mentions: 0 });
      const everywhere = JSON.stringify(await t.db.query(`SELECT * FROM dialogue_messages`)) + JSON.stringify(await t.db.query(`SELECT * FROM audit_log`));
      expect(everywhere).not.toContain('Karim');
      expect(everywhere).not.toContain('Deuxième message');

      // others see an anonymous marker where a published message was; replies still point at it
      const byB = await thread(familyB, p);
      expect(byB.get(a1.id)).toMatchObject({ status: 'erased', author: null, body: null, language: null, mentions: [], reactions: {} });
      expect(byB.has(a2.id)).toBe(false); // never published: nothing to mark
      expect(byB.get(pro.id)).toMatchObject({ replyTo: a1.id, mentions: [], reactions: {}, body: 'Dank je, dat is moedig.' });
      const byMod = await thread(moderator, p);
      expect(byMod.get(a2.id)).toMatchObject({ status: 'erased', author: null, body: null });
      expect(byMod.get(pro.id)!.flagCount).toBe(0);
      expect((await moderator.get(`${p.base}/moderation`)).body.pending).toEqual([]);
      expect((await moderate(moderator, p, a2.id, 'approve')).body.code).toBe('MODERATION_NOT_ALLOWED');
      // and A has left
      expect((await familyA.get(p.base)).body.code).toBe('DIALOGUE_NOT_FOUND');
      expect((await moderator.get(p.base)).body.participants.map((x: { memberId: string }) => x.memberId)).not.toContain(familyA.memberId);
      const audit = (await t.auditActions()).filter((a) => a.action === 'dialogue.messages_erased' && a.resource_id === d.id);
      expect(audit).toEqual([expect.objectContaining({ actor_id: familyA.userId, resource_type: 'dialogue' })]);
    });
  });

  describe('live notices', () => {
    const open = (who: Client) => LiveClient.open(t.url, who.cookie);
    const topics = (id: string) => ({ dialogue: `dialogue:${id}`, mod: `dialogue-mod:${id}` });

    test('only participants and moderators subscribe; the queue is for moderators only', async () => {
      const { d } = await standard({ mode: 'pre' });
      const tp = topics(d.id);
      const clients = await Promise.all([familyA, moderator, outsider, observer, facilitator].map(open));
      const [a, mod, out, obs, fac] = clients;
      try {
        expect(await a!.subscribe(tp.dialogue)).toMatchObject({ ok: true });
        expect(await a!.subscribe(tp.mod)).toEqual({ ok: false, topic: tp.mod, code: 'NOT_FOUND' });
        expect(await mod!.subscribe(tp.mod)).toMatchObject({ ok: true });
        expect(await fac!.subscribe(tp.mod)).toMatchObject({ ok: true });
        for (const c of [out!, obs!]) {
          expect(await c.subscribe(tp.dialogue)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
          expect(await c.subscribe(tp.mod)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
        }
        expect(await a!.subscribe(`dialogue:${randomUUID()}`)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      } finally {
        for (const c of clients) c.close();
      }
    });

    test('new and approved messages reach participants, the queue reaches moderators, the author hears about their own; no text travels', async () => {
      const { p, d } = await standard({ mode: 'pre' });
      const tp = topics(d.id);
      const [a, b, mod, out] = await Promise.all([familyA, familyB, moderator, outsider].map(open));
      try {
        for (const [c, topic] of [[a, tp.dialogue], [b, tp.dialogue], [mod, tp.dialogue], [mod, tp.mod]] as const) expect((await c!.subscribe(topic)).ok).toBe(true);
        const text = 'Un message très personnel';
        const sent = await send(familyA, p, text);
        const queued = await mod!.waitFor((n) => n.type === 'dialogue.queue');
        expect(queued).toEqual({ topic: tp.mod, type: 'dialogue.queue', pending: 1 });
        const approved = (await moderate(moderator, p, sent.id, 'approve')).body as DialogueMessage;
        const expected: LiveNotice = { topic: tp.dialogue, type: 'dialogue.messages', rev: approved.rev };
        await b!.waitFor((n) => n.type === 'dialogue.messages');
        expect(b!.notices).toEqual([expected]); // nothing while it waited
        expect(await a!.waitFor((n) => n.type === 'dialogue.mine' && n.rev === approved.rev)).toEqual({ topic: tp.dialogue, type: 'dialogue.mine', dialogueId: d.id, rev: approved.rev });
        await mod!.waitFor((n) => n.type === 'dialogue.queue' && n.pending === 0);
        const again = message('Direct zichtbaar.', { language: 'nl' });
        const pro = (await practitioner.post(p.messages, again)).body as DialogueMessage;
        await b!.waitFor((n) => n.type === 'dialogue.messages' && n.rev === pro.rev);
        // a retry of the same send is answered from the database: no second notice
        expect((await practitioner.post(p.messages, again)).status).toBe(200);
        await moderator.patch(p.base, { slowModeSeconds: 5 });
        await a!.waitFor((n) => n.type === 'dialogue.updated');
        expect(b!.notices.filter((n) => n.type === 'dialogue.messages' && n.rev === pro.rev)).toHaveLength(1);
        for (const c of [a!, b!, mod!]) expect(JSON.stringify(c.notices)).not.toContain('personnel');
        expect(out!.notices).toEqual([]);
      } finally {
        for (const c of [a, b, mod, out]) c!.close();
      }
    });

    test('a participant who is removed, or erases and leaves, stops receiving at once', async () => {
      const { p, d } = await standard({ mode: 'post' });
      const tp = topics(d.id);
      const [b, r, mod] = await Promise.all([familyB, returnee, moderator].map(open));
      try {
        for (const [c, topic] of [[b, tp.dialogue], [r, tp.dialogue], [mod, tp.mod]] as const) expect((await c!.subscribe(topic)).ok).toBe(true);
        expect((await facilitator.delete(`${p.base}/participants/${familyB.memberId}`)).status).toBe(204);
        await until(() => b!.errors.some((e) => e.topic === tp.dialogue && e.code === 'ACCESS_REVOKED'), 5000, 'access revoked');
        await send(returnee, p, 'Bonjour.');
        expect((await returnee.post(`${p.base}/erase-mine`)).body).toEqual({ erased: 1 });
        await until(() => r!.errors.some((e) => e.topic === tp.dialogue && e.code === 'ACCESS_REVOKED'), 5000, 'access revoked');
        const from = { b: b!.notices.length, r: r!.notices.length };
        expect((await mod!.subscribe(tp.dialogue)).ok).toBe(true);
        const later = await send(practitioner, p, 'Nog iemand?', { language: 'nl' });
        await mod!.waitFor((n) => n.type === 'dialogue.messages' && n.rev === later.rev);
        expect(b!.notices.slice(from.b)).toEqual([]);
        expect(r!.notices.slice(from.r)).toEqual([]);
        // they cannot come back on their own
        expect(await b!.subscribe(tp.dialogue)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
        // a moderator demoted to participant loses the queue
        const demoted = await facilitator.post(`${p.base}/participants`, { memberIds: [moderator.memberId], moderator: false });
        expect(demoted.body.participants.find((x: { memberId: string }) => x.memberId === moderator.memberId).moderator).toBe(false);
        await until(() => mod!.errors.some((e) => e.topic === tp.mod && e.code === 'ACCESS_REVOKED'), 5000, 'queue revoked');
        expect((await moderator.get(`${p.base}/moderation`)).status).toBe(403);
      } finally {
        for (const c of [b, r, mod]) c!.close();
      }
    });
  });

  describe('participants', () => {
    test('facilitators add and remove participants; members may leave; others cannot remove anyone', async () => {
      const { p } = await standard({ mode: 'post' });
      expect((await facilitator.post(`${p.base}/participants`, { memberIds: [observer.memberId] })).status).toBe(400);
      expect((await facilitator.post(`${p.base}/participants`, { memberIds: [outsider.memberId], moderator: true })).status).toBe(400);
      expect((await facilitator.post(`${p.base}/participants`, { memberIds: [] })).status).toBe(400);
      const added = await facilitator.post(`${p.base}/participants`, { memberIds: [outsider.memberId, outsider.memberId] });
      expect(added.status).toBe(200);
      expect(added.body.participants.filter((x: { memberId: string }) => x.memberId === outsider.memberId)).toHaveLength(1);
      expect((await outsider.get(p.base)).status).toBe(200);
      expect((await familyB.delete(`${p.base}/participants/${outsider.memberId}`)).status).toBe(403);
      expect((await outsider.delete(`${p.base}/participants/${outsider.memberId}`)).status).toBe(204);
      expect((await outsider.get(p.base)).status).toBe(404);
      expect((await facilitator.delete(`${p.base}/participants/${outsider.memberId}`)).body.code).toBe('MEMBER_NOT_FOUND');
    });
  });

  describe('invitations straight into a dialogue', () => {
    test('a family member invited into a dialogue joins the lab and the dialogue at once; the join answer names it', async () => {
      const { d, p } = await standard({ mode: 'pre' });
      const inv = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role: 'family', language: 'fr', dialogueId: d.id });
      expect(inv.status).toBe(201);
      expect(inv.body.invitation.dialogueId).toBe(d.id);
      expect((await facilitator.get(`/api/labs/${labId}/invitations`)).body.find((i: { id: string }) => i.id === inv.body.invitation.id).dialogueId).toBe(d.id);
      const http = t.anonymous();
      const joined = await http.post('/api/auth/join').send({ code: inv.body.code, displayName: 'Tante Z.', language: 'fr' });
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({ labId, dialogueId: d.id });
      const detail = await http.get(p.base);
      expect(detail.status).toBe(200);
      expect(detail.body.me).toMatchObject({ participant: true, moderator: false, consentedVersion: null });
      expect(detail.body.participants.map((x: { displayName: string }) => x.displayName)).toContain('Tante Z.');
      expect((await t.auditActions()).some((a) => a.action === 'dialogue.participant_added' && a.resource_id === d.id && a.actor_id === joined.body.user.id)).toBe(true);

      // a practitioner invited into it by e-mail too
      const pro = await t.professional();
      const pinv = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'professional', role: 'practitioner', email: pro.email, dialogueId: d.id });
      const accepted = await pro.post('/api/auth/accept-invitation', { token: pinv.body.link.split('/').pop() });
      expect(accepted.body.dialogueId).toBe(d.id);
      expect((await pro.get(p.base)).body.me.participant).toBe(true);
      // an invitation without a dialogue says nothing about one
      const plain = await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role: 'returnee' });
      expect(plain.body.invitation.dialogueId).toBeNull();
      const plainJoin = await t.anonymous().post('/api/auth/join').send({ code: plain.body.code, displayName: 'R.', language: 'nl' });
      expect(plainJoin.body.dialogueId).toBeUndefined();
    });

    test('the dialogue must be one of the lab\'s, and observers are never invited into one; nothing is created', async () => {
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM invitations`))[0].n as number;
      const before = await count();
      const other = await t.lab();
      const foreign = await openDialogue(other.facilitator, other.labId, {});
      const { d } = await standard();
      const pro = await t.professional();
      const bad: object[] = [
        { kind: 'participant', role: 'family', dialogueId: foreign.d.id },
        { kind: 'participant', role: 'family', dialogueId: randomUUID() },
        { kind: 'professional', role: 'observer', email: pro.email, dialogueId: d.id },
      ];
      for (const body of bad) {
        const res = await facilitator.post(`/api/labs/${labId}/invitations`, body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'dialogueId' }] });
      }
      expect((await facilitator.post(`/api/labs/${labId}/invitations`, { kind: 'participant', role: 'family', dialogueId: 'abc' })).status).toBe(400);
      expect(await count()).toBe(before);
    });
  });
});
