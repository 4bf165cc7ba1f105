import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  DEFAULT_GROUND_RULES,
  LIVE_LIMITS,
  boardDocName,
  liveTopic,
  reflectionDocName,
  sessionNotesDocName,
  type AgendaItemInput,
  type LiveNotice,
  type LiveState,
  type SessionDetail,
  type SessionReport,
  type SessionSummary,
} from '@relab/shared';
import { until, YClient } from './support/collab-client.js';
import { LiveClient } from './support/live-client.js';
import { createReflection } from './support/reflection-helpers.js';
import { consent, detail, icsText, inHours, parseIcs, plan, sessionsUrl } from './support/session-helpers.js';
import { TestApp, type Client } from './support/test-app.js';

type Member = Client & { memberId: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stateNotices = (c: LiveClient, sessionId: string) =>
  c.notices.filter((n): n is Extract<LiveNotice, { type: 'session.state' }> => n.type === 'session.state' && n.topic === liveTopic('session', sessionId));
const withoutClock = (s: LiveState) => ({ ...s, serverNow: undefined, timer: s.timer && { ...s.timer, remainingSeconds: undefined } });

describe('lab sessions: planning, ground rules, the live room and the report', () => {
  let t: TestApp;
  let labId: string;
  let facilitator: Client;
  let practitioner: Member;
  let police: Member;
  let family: Member;
  let returnee: Member;
  let observer: Member;
  let otherLabId: string;
  let stranger: Client;
  let boardId: string;
  let foreignBoardId: string;
  let ownDraftId: string;
  let othersDraftId: string;
  const openClients: Array<{ close(): void }> = [];
  const live = async (who: Client) => {
    const c = await LiveClient.open(t.url, who.cookie);
    openClients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await TestApp.start({ COLLAB_UNLOAD_DELAY_MS: '50' }, { listen: true });
    ({ labId, facilitator } = await t.lab());
    practitioner = await t.member(labId, facilitator, 'practitioner', { sector: 'social_worker' });
    police = await t.member(labId, facilitator, 'practitioner', { sector: 'local_police' });
    family = await t.member(labId, facilitator, 'family');
    returnee = await t.member(labId, facilitator, 'returnee');
    observer = await t.member(labId, facilitator, 'observer', { sector: 'researcher' });
    ({ labId: otherLabId, facilitator: stranger } = await t.lab());
    const board = await practitioner.post(`/api/labs/${labId}/boards`, { title: 'Steunnetwerk van Persoon A', template: 'blank', language: 'nl' });
    expect(board.status).toBe(201);
    boardId = board.body.id;
    const foreign = await stranger.post(`/api/labs/${otherLabId}/boards`, { title: 'Ander lab', template: 'blank', language: 'nl' });
    foreignBoardId = foreign.body.id;
    ownDraftId = (await createReflection(facilitator, labId, { title: 'Casus van de facilitator (concept)' })).id;
    othersDraftId = (await createReflection(practitioner, labId, { title: 'Geheim concept van een collega' })).id;
  });
  afterAll(async () => {
    for (const c of openClients) c.close();
    await t.stop();
  });

  const sessionCount = async (lab = labId) => Number((await t.db.query(`SELECT count(*)::int AS n FROM lab_sessions WHERE lab_id = $1`, [lab]))[0].n);

  describe('ground rules', () => {
    test('version 1 is the Chatham House rule in nl, fr and en, readable by every member', async () => {
      for (const who of [facilitator, family, observer]) {
        const res = await who.get(`/api/labs/${labId}/ground-rules`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ version: 1, texts: DEFAULT_GROUND_RULES });
      }
      expect(DEFAULT_GROUND_RULES.nl).toContain('Chatham House');
      expect((await stranger.get(`/api/labs/${labId}/ground-rules`)).status).toBe(404);
    });

    test('only facilitators change them, with all three texts; bad texts change nothing', async () => {
      const texts = { nl: 'Nieuwe afspraken.', fr: 'Nouvelles règles.', en: 'New rules.' };
      for (const who of [practitioner, family, returnee, observer]) expect((await who.put(`/api/labs/${labId}/ground-rules`, { texts })).status).toBe(403);
      for (const body of [
        {},
        { texts: { nl: 'x', fr: 'y' } },
        { texts: { ...texts, en: '   ' } },
        { texts: { ...texts, de: 'Regeln' } },
        { texts: { ...texts, en: 'x'.repeat(4001) } },
        { texts, version: 7 },
        { texts: 'Chatham House' },
      ]) {
        const res = await facilitator.put(`/api/labs/${labId}/ground-rules`, body);
        expect([JSON.stringify(body).slice(0, 40), res.status, res.body.code]).toEqual([JSON.stringify(body).slice(0, 40), 400, 'VALIDATION_FAILED']);
      }
      expect((await facilitator.get(`/api/labs/${labId}/ground-rules`)).body.version).toBe(1);
    });
  });

  describe('planning', () => {
    test('a weekly series keeps 19:00 in Brussels across the change to summer time', async () => {
      const series = await plan(facilitator, labId, {
        title: 'Wekelijkse labsessie',
        startsAt: '2027-03-18T19:00:00+01:00',
        timeZone: 'Europe/Brussels',
        recurrence: 'weekly',
        occurrences: 4,
        durationMinutes: 90,
        agenda: [{ title: 'Welkom', minutes: 10, kind: 'discussion' }],
      });
      expect(series).toHaveLength(4);
      expect(new Set(series.map((s) => s.seriesId)).size).toBe(1);
      expect(new Set(series.map((s) => s.id)).size).toBe(4);
      const local = series.map((s) => DateTime.fromISO(s.startsAt).setZone('Europe/Brussels'));
      expect(local.map((d) => d.toFormat('yyyy-MM-dd HH:mm'))).toEqual(['2027-03-18 19:00', '2027-03-25 19:00', '2027-04-01 19:00', '2027-04-08 19:00']);
      // the clock changed on 28 March: the same local time is an hour earlier in UTC
      expect(series.map((s) => s.startsAt)).toEqual(['2027-03-18T18:00:00.000Z', '2027-03-25T18:00:00.000Z', '2027-04-01T17:00:00.000Z', '2027-04-08T17:00:00.000Z']);
      expect(series.map((s) => DateTime.fromISO(s.endsAt).setZone('Europe/Brussels').toFormat('HH:mm'))).toEqual(['20:30', '20:30', '20:30', '20:30']);
      expect(series.every((s) => s.recurrence === 'weekly' && s.status === 'planned' && s.timeZone === 'Europe/Brussels')).toBe(true);
      // each session has an agenda of its own
      const agendas = await Promise.all(series.map((s) => detail(family, labId, s.id)));
      expect(new Set(agendas.map((d) => d.agenda[0]!.id)).size).toBe(4);
    });

    test('every two weeks and monthly (the 31st gives the last day of shorter months), in the time zone of the series', async () => {
      const biweekly = await plan(facilitator, labId, { startsAt: '2027-10-21T18:30:00+02:00', recurrence: 'biweekly', occurrences: 3 });
      expect(biweekly.map((s) => DateTime.fromISO(s.startsAt).setZone('Europe/Brussels').toFormat('yyyy-MM-dd HH:mm'))).toEqual([
        '2027-10-21 18:30', '2027-11-04 18:30', '2027-11-18 18:30',
      ]);
      const monthly = await plan(facilitator, labId, { startsAt: '2027-01-31T19:00:00+01:00', recurrence: 'monthly', occurrences: 4 });
      expect(monthly.map((s) => DateTime.fromISO(s.startsAt).setZone('Europe/Brussels').toFormat('yyyy-MM-dd HH:mm'))).toEqual([
        '2027-01-31 19:00', '2027-02-28 19:00', '2027-03-31 19:00', '2027-04-30 19:00',
      ]);
      const lisbon = await plan(facilitator, labId, { startsAt: '2027-03-20T19:00:00Z', timeZone: 'Europe/Lisbon', recurrence: 'weekly', occurrences: 2 });
      expect(lisbon.map((s) => DateTime.fromISO(s.startsAt).setZone('Europe/Lisbon').toFormat('HH:mm'))).toEqual(['19:00', '19:00']);
    });

    test('bad planning requests are refused with 400 and create nothing', async () => {
      const before = await sessionCount();
      const good = { title: 'Labsessie', startsAt: '2027-05-06T19:00:00+02:00', durationMinutes: 60 };
      const bad: Array<[string, object]> = [
        ['empty', {}],
        ['short title', { ...good, title: 'ab' }],
        ['no offset', { ...good, startsAt: '2027-05-06T19:00:00' }],
        ['not a date', { ...good, startsAt: 'next thursday' }],
        ['unknown time zone', { ...good, timeZone: 'Mars/Olympus_Mons' }],
        ['too short', { ...good, durationMinutes: 5 }],
        ['fractional minutes', { ...good, durationMinutes: 60.5 }],
        ['unknown recurrence', { ...good, recurrence: 'daily', occurrences: 3 }],
        ['too many occurrences', { ...good, recurrence: 'weekly', occurrences: 53 }],
        ['several occurrences of a single session', { ...good, recurrence: 'none', occurrences: 3 }],
        ['long ago', { ...good, startsAt: '1999-05-06T19:00:00Z' }],
        ['too far ahead', { ...good, startsAt: '2099-05-06T19:00:00Z' }],
        ['a series running past five years', { ...good, startsAt: inHours(24 * 365 * 4), recurrence: 'monthly', occurrences: 52 }],
        ['a script as online link', { ...good, onlineUrl: 'javascript:alert(1)' }],
        ['long location', { ...good, location: 'x'.repeat(201) }],
        ['unknown field', { ...good, organiser: 'me' }],
        ['an agenda that is not a list', { ...good, agenda: { title: 'x' } }],
        ['an item without minutes', { ...good, agenda: [{ title: 'Welkom', kind: 'discussion' }] }],
        ['an item of 0 minutes', { ...good, agenda: [{ title: 'Welkom', minutes: 0, kind: 'discussion' }] }],
        ['an item of an unknown kind', { ...good, agenda: [{ title: 'Welkom', minutes: 5, kind: 'video' }] }],
        ['a malformed ref', { ...good, agenda: [{ title: 'Bord', minutes: 5, kind: 'board', refId: 'board-1' }] }],
        ['31 items', { ...good, agenda: Array.from({ length: 31 }, (_, i) => ({ title: `Punt ${i}`, minutes: 1, kind: 'discussion' })) }],
      ];
      for (const [what, body] of bad) {
        const res = await facilitator.post(sessionsUrl(labId), body);
        expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
      }
      const malformed = await facilitator.http.post(sessionsUrl(labId)).set('x-csrf-token', facilitator.csrf).set('content-type', 'application/json').send('{"title":');
      expect(malformed.status).toBe(400);
      expect(await sessionCount()).toBe(before);
    });

    test('only facilitators plan, change and cancel; members of other labs see nothing', async () => {
      const before = await sessionCount();
      const body = { title: 'Labsessie', startsAt: inHours(48), durationMinutes: 60 };
      for (const who of [practitioner, family, returnee, observer]) {
        const res = await who.post(sessionsUrl(labId), body);
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      }
      expect((await stranger.post(sessionsUrl(labId), body)).status).toBe(404);
      expect(await sessionCount()).toBe(before);
      const [s] = await plan(facilitator, labId, body);
      for (const who of [practitioner, family, observer]) {
        expect((await who.patch(sessionsUrl(labId, `/${s!.id}`), { title: 'Overgenomen' })).status).toBe(403);
        expect((await who.post(sessionsUrl(labId, `/${s!.id}/cancel`))).status).toBe(403);
      }
      expect((await stranger.get(sessionsUrl(labId, `/${s!.id}`))).status).toBe(404);
      // a session id of this lab under another lab is not found there
      expect((await stranger.get(sessionsUrl(otherLabId, `/${s!.id}`))).body.code).toBe('SESSION_NOT_FOUND');
      expect((await family.get(sessionsUrl(labId, '/not-a-uuid'))).body.code).toBe('MALFORMED_ID');
      expect((await family.get(sessionsUrl(labId, `/${randomUUID()}`))).body.code).toBe('SESSION_NOT_FOUND');
      expect((await family.get(sessionsUrl(labId, '?when=soon'))).status).toBe(400);
      expect((await family.get(sessionsUrl(labId, `/${s!.id}`))).body.title).toBe('Labsessie');
    });

    test('members list upcoming and past sessions; a cancelled one stays listed as cancelled', async () => {
      const [s] = await plan(facilitator, labId, { title: 'Wordt geannuleerd', startsAt: inHours(30) });
      const cancelled = await facilitator.post(sessionsUrl(labId, `/${s!.id}/cancel`));
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect((await facilitator.post(sessionsUrl(labId, `/${s!.id}/cancel`))).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.patch(sessionsUrl(labId, `/${s!.id}`), { title: 'Toch niet' })).body.code).toBe('SESSION_WRONG_STATUS');
      const upcoming = (await family.get(sessionsUrl(labId))).body as SessionSummary[];
      expect(upcoming.find((x) => x.id === s!.id)?.status).toBe('cancelled');
      const starts = upcoming.map((x) => x.startsAt);
      expect([...starts].sort()).toEqual(starts);
      const past = (await family.get(sessionsUrl(labId, '?when=past'))).body as SessionSummary[];
      expect(past.map((x) => x.id)).not.toContain(s!.id);
    });
  });

  describe('the agenda', () => {
    test('items point at a board, a reflection or a dialogue of this lab of their kind; titles only for who may see them', async () => {
      const [s] = await plan(facilitator, labId, {
        agenda: [
          { title: 'Welkom', minutes: 5, kind: 'discussion' },
          { title: 'Netwerk bekijken', minutes: 20, kind: 'board', refId: boardId },
          { title: 'Casus bespreken', minutes: 30, kind: 'reflection', refId: ownDraftId },
        ],
      });
      const mine = await detail(facilitator, labId, s!.id);
      expect(mine.agenda.map((i) => [i.title, i.kind, i.refId, i.refTitle])).toEqual([
        ['Welkom', 'discussion', null, null],
        ['Netwerk bekijken', 'board', boardId, 'Steunnetwerk van Persoon A'],
        ['Casus bespreken', 'reflection', ownDraftId, 'Casus van de facilitator (concept)'],
      ]);
      // a draft's title stays with its author; families never see reflection titles
      for (const who of [practitioner, family, observer]) {
        const d = await detail(who, labId, s!.id);
        expect(d.agenda.map((i) => i.refTitle)).toEqual([null, 'Steunnetwerk van Persoon A', null]);
        expect(JSON.stringify(d)).not.toContain('Casus van de facilitator');
      }
    });

    test('a shared reflection shows its title to practitioners and observers, never to families', async () => {
      const r = await createReflection(practitioner, labId, { title: 'Gedeelde casus over huisvesting' });
      const review = await practitioner.post(`/api/labs/${labId}/reflections/${r.id}/review`, { reviewerId: police.userId });
      expect(review.status).toBeLessThan(300);
      expect((await police.post(`/api/labs/${labId}/reflections/${r.id}/review/approve`)).status).toBeLessThan(300);
      const [s] = await plan(facilitator, labId, { agenda: [{ title: 'Casus', minutes: 10, kind: 'reflection', refId: r.id }] });
      expect((await detail(observer, labId, s!.id)).agenda[0]!.refTitle).toBe('Gedeelde casus over huisvesting');
      expect((await detail(police, labId, s!.id)).agenda[0]!.refTitle).toBe('Gedeelde casus over huisvesting');
      expect((await detail(family, labId, s!.id)).agenda[0]!.refTitle).toBeNull();
    });

    test('foreign, unknown, invisible and mismatched references are refused with 422 AGENDA_REF_INVALID', async () => {
      const before = await sessionCount();
      const cases: Array<[string, AgendaItemInput, string]> = [
        ['a board of another lab', { title: 'Bord', minutes: 5, kind: 'board', refId: foreignBoardId }, 'not_found'],
        ['an unknown board', { title: 'Bord', minutes: 5, kind: 'board', refId: randomUUID() }, 'not_found'],
        ['a board as a reflection', { title: 'Casus', minutes: 5, kind: 'reflection', refId: boardId }, 'not_found'],
        ['a reflection as a board', { title: 'Bord', minutes: 5, kind: 'board', refId: ownDraftId }, 'not_found'],
        ['a board as a dialogue', { title: 'Dialoog', minutes: 5, kind: 'dialogue', refId: boardId }, 'not_found'],
        ["a colleague's draft", { title: 'Casus', minutes: 5, kind: 'reflection', refId: othersDraftId }, 'not_found'],
        ['free discussion pointing at something', { title: 'Praten', minutes: 5, kind: 'discussion', refId: boardId }, 'ref_not_allowed'],
        ['a board item pointing at nothing', { title: 'Bord', minutes: 5, kind: 'board' }, 'ref_required'],
      ];
      for (const [what, item, reason] of cases) {
        const res = await facilitator.post(sessionsUrl(labId), { title: 'Labsessie', startsAt: inHours(3), durationMinutes: 60, agenda: [{ title: 'Welkom', minutes: 5, kind: 'discussion' }, item] });
        expect([what, res.status, res.body.code, res.body.details]).toEqual([what, 422, 'AGENDA_REF_INVALID', [{ index: 1, reason }]]);
      }
      expect(await sessionCount()).toBe(before);
    });

    test('a dialogue of this lab may be on the agenda; its title only to facilitators and its participants', async () => {
      const dialogueId = await someDialogue(t, facilitator, labId, 'Dialoog met families');
      const [s] = await plan(facilitator, labId, { agenda: [{ title: 'Uit de dialoog', minutes: 10, kind: 'dialogue', refId: dialogueId }] });
      expect((await detail(facilitator, labId, s!.id)).agenda[0]).toMatchObject({ kind: 'dialogue', refId: dialogueId, refTitle: 'Dialoog met families' });
      expect((await detail(family, labId, s!.id)).agenda[0]).toMatchObject({ kind: 'dialogue', refId: dialogueId, refTitle: null });
      const foreign = await someDialogue(t, stranger, otherLabId, 'Elders');
      const res = await facilitator.post(sessionsUrl(labId), { title: 'Labsessie', startsAt: inHours(3), durationMinutes: 60, agenda: [{ title: 'x', minutes: 5, kind: 'dialogue', refId: foreign }] });
      expect([res.status, res.body.code]).toEqual([422, 'AGENDA_REF_INVALID']);
    });

    test('editing keeps item ids; unknown or repeated ids and bad refs change nothing', async () => {
      const [s] = await plan(facilitator, labId, {
        agenda: [
          { title: 'Welkom', minutes: 5, kind: 'discussion' },
          { title: 'Netwerk', minutes: 20, kind: 'board', refId: boardId },
        ],
      });
      const before = await detail(facilitator, labId, s!.id);
      const [welcome, network] = before.agenda;
      const res = await facilitator.patch(sessionsUrl(labId, `/${s!.id}`), {
        title: 'Labsessie (aangepast)',
        agenda: [{ ...pick(network!), minutes: 25 }, { title: 'Afsluiting', minutes: 5, kind: 'discussion' }],
      });
      expect(res.status).toBe(200);
      const after = res.body as SessionDetail;
      expect(after.title).toBe('Labsessie (aangepast)');
      expect(after.agenda.map((i) => [i.id === network!.id, i.title, i.minutes])).toEqual([[true, 'Netwerk', 25], [false, 'Afsluiting', 5]]);
      expect(after.agenda.map((i) => i.id)).not.toContain(welcome!.id);
      const refused: Array<[string, object, number, string]> = [
        ['an item of another session', { agenda: [{ ...pick(network!), id: randomUUID() }] }, 404, 'AGENDA_ITEM_NOT_FOUND'],
        ['the same item twice', { agenda: [pick(after.agenda[0]!), pick(after.agenda[0]!)] }, 400, 'VALIDATION_FAILED'],
        ['a foreign board', { title: 'Weer anders', agenda: [{ ...pick(after.agenda[0]!), refId: foreignBoardId }] }, 422, 'AGENDA_REF_INVALID'],
        ['nothing', {}, 400, 'VALIDATION_FAILED'],
        ['a bad duration', { durationMinutes: 601 }, 400, 'VALIDATION_FAILED'],
        ['an unknown field', { status: 'live' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [what, body, status, code] of refused) {
        const r = await facilitator.patch(sessionsUrl(labId, `/${s!.id}`), body);
        expect([what, r.status, r.body.code]).toEqual([what, status, code]);
      }
      const unchanged = await detail(facilitator, labId, s!.id);
      expect({ ...unchanged, live: undefined }).toEqual({ ...after, live: undefined });
    });
  });

  describe('iCalendar', () => {
    test('one session: a VEVENT in UTC with a stable UID, the agenda in the description, nobody named', async () => {
      const [s] = await plan(facilitator, labId, {
        title: 'Labsessie Leuven',
        startsAt: '2027-03-18T19:00:00+01:00',
        durationMinutes: 120,
        location: 'Stadhuis, zaal 2',
        agenda: [{ title: 'Welkom en afspraken', minutes: 10, kind: 'discussion' }, { title: 'Netwerk', minutes: 20, kind: 'board', refId: boardId }],
      });
      const res = await family.get(sessionsUrl(labId, `/${s!.id}/calendar.ics`));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="relab-session-[0-9a-f]{8}\.ics"$/);
      const text = res.text;
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      const { calendar, events } = parseIcs(text);
      expect(calendar.props).toMatchObject({ VERSION: '2.0', METHOD: 'PUBLISH' });
      expect(events).toHaveLength(1);
      const e = events[0]!;
      expect(e.props).toMatchObject({ DTSTART: '20270318T180000Z', DTEND: '20270318T200000Z', SUMMARY: 'Labsessie Leuven', LOCATION: 'Stadhuis\\, zaal 2', STATUS: 'CONFIRMED' });
      expect(e.props.UID).toMatch(new RegExp(`^${s!.id}@`));
      expect(e.props.URL).toBe(`${t.server.config.publicUrl}/labs/${labId}/sessions/${s!.id}`);
      // the family member's language is French
      expect(icsText(e.props.DESCRIPTION)).toContain("Ordre du jour:\n1. Welkom en afspraken (10 min, discussion)\n2. Netwerk (20 min, tableau blanc)");
      expect(icsText(e.props.DESCRIPTION)).not.toContain('Steunnetwerk');
      for (const who of [facilitator, practitioner, family, returnee, observer]) {
        const name = (await t.db.query(`SELECT display_name, email FROM users WHERE id = $1`, [who.userId]))[0];
        expect(text).not.toContain(name.display_name);
        if (name.email) expect(text).not.toContain(name.email);
      }
      expect(text).not.toMatch(/ATTENDEE|ORGANIZER/);

      // the same UID again, and after a change with a higher SEQUENCE
      const again = parseIcs((await facilitator.get(sessionsUrl(labId, `/${s!.id}/calendar.ics`))).text).events[0]!;
      expect(again.props.UID).toBe(e.props.UID);
      expect((await facilitator.patch(sessionsUrl(labId, `/${s!.id}`), { title: 'Labsessie Leuven (zaal 3)', location: 'Stadhuis, zaal 3' })).status).toBe(200);
      const changed = parseIcs((await facilitator.get(sessionsUrl(labId, `/${s!.id}/calendar.ics`))).text).events[0]!;
      expect(changed.props.UID).toBe(e.props.UID);
      expect(Number(changed.props.SEQUENCE)).toBeGreaterThan(Number(e.props.SEQUENCE ?? 0));
      expect(changed.props.SUMMARY).toBe('Labsessie Leuven (zaal 3)');
    });

    test('the lab calendar has one VEVENT per upcoming session, cancelled ones marked CANCELLED', async () => {
      const [cancel] = await plan(facilitator, labId, { title: 'Afgelast', startsAt: inHours(50) });
      await facilitator.post(sessionsUrl(labId, `/${cancel!.id}/cancel`));
      const upcoming = (await facilitator.get(sessionsUrl(labId))).body as SessionSummary[];
      const res = await practitioner.get(sessionsUrl(labId, '/calendar.ics'));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/filename="relab-lab-[0-9a-f]{8}\.ics"/);
      const { events } = parseIcs(res.text);
      expect(events).toHaveLength(upcoming.length);
      expect(new Set(events.map((e) => e.props.UID)).size).toBe(events.length);
      expect(events.map((e) => e.props.UID!.split('@')[0]).sort()).toEqual(upcoming.map((s) => s.id).sort());
      expect(events.find((e) => e.props.UID!.startsWith(cancel!.id))!.props.STATUS).toBe('CANCELLED');
      for (const e of events) expect(e.props.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
      expect((await stranger.get(sessionsUrl(labId, '/calendar.ics'))).status).toBe(404);
      expect((await family.get(sessionsUrl(labId, `/${randomUUID()}/calendar.ics`))).body.code).toBe('SESSION_NOT_FOUND');
      expect((await family.get(sessionsUrl(labId, '/nope/calendar.ics'))).body.code).toBe('MALFORMED_ID');
    });
  });

  describe('consent to the ground rules', () => {
    let rulesLab: string;
    let boss: Client;
    let fam: Member;
    let pro: Member;
    let session: SessionSummary;

    beforeAll(async () => {
      ({ labId: rulesLab, facilitator: boss } = await t.lab());
      fam = await t.member(rulesLab, boss, 'family');
      pro = await t.member(rulesLab, boss, 'practitioner');
      [session] = (await plan(boss, rulesLab, { startsAt: inHours(1) })) as [SessionSummary];
    });

    test('the live room and the notes are closed until the current ground rules are accepted', async () => {
      const topic = liveTopic('session', session.id);
      const c = await live(fam);
      expect(await c.subscribe(topic)).toEqual({ ok: false, topic, code: 'CONSENT_REQUIRED' });
      const notes = await YClient.open(t.url, fam.cookie, sessionNotesDocName(session.id));
      expect(notes.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
      notes.close();
      const d = await detail(fam, rulesLab, session.id);
      expect(d.me).toEqual({ memberId: fam.memberId, role: 'family', facilitator: false, consentedVersion: null });
      expect(d.groundRules.version).toBe(1);
      expect(d.notesDocName).toBe(sessionNotesDocName(session.id));
      // others: not a member, unknown session, not a topic
      const s = await live(stranger);
      expect(await s.subscribe(topic)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await c.subscribe(liveTopic('session', randomUUID()))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await c.subscribe(`session:${session.id}x`)).toMatchObject({ ok: false, code: 'BAD_TOPIC' });
    });

    test('consent is stored with its time, version and a hash of the text in the member’s language', async () => {
      const url = sessionsUrl(rulesLab, `/${session.id}/consent`);
      expect((await fam.post(url, { version: 2 })).body).toMatchObject({ code: 'GROUND_RULES_OUTDATED', details: { version: 1 } });
      for (const body of [{}, { version: '1' }, { version: 0 }, { version: 1, extra: true }]) expect((await fam.post(url, body)).status).toBe(400);
      expect((await stranger.post(url, { version: 1 })).status).toBe(404);
      expect((await fam.post(sessionsUrl(rulesLab, `/${randomUUID()}/consent`), { version: 1 })).body.code).toBe('SESSION_NOT_FOUND');
      const before = Date.now();
      const res = await fam.post(url, { version: 1 });
      expect(res.status).toBe(200);
      expect((res.body as SessionDetail).me.consentedVersion).toBe(1);
      expect((await fam.post(url, { version: 1 })).status).toBe(200);
      const rows = await t.db.query(`SELECT version, language, text_hash, consented_at FROM lab_ground_rule_consents WHERE member_id = $1`, [fam.memberId]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: 1, language: 'fr', text_hash: createHash('sha256').update(DEFAULT_GROUND_RULES.fr).digest('hex') });
      expect(new Date(rows[0].consented_at).getTime()).toBeGreaterThanOrEqual(before - 2000);
      const topic = liveTopic('session', session.id);
      const c = await live(fam);
      const ack = await c.subscribe(topic);
      expect(ack).toMatchObject({ ok: true, topic });
      expect(ack.ok && ack.presence).toEqual([{ memberId: fam.memberId, displayName: expect.stringMatching(/^Pseudo /), role: 'family' }]);
      const notes = await YClient.open(t.url, fam.cookie, sessionNotesDocName(session.id));
      expect(notes.join).toMatchObject({ ok: true, access: 'write' });
      notes.close();
    });

    test('new ground rules are version 2: everyone in the room is asked again, and the old consent no longer opens it', async () => {
      const topic = liveTopic('session', session.id);
      const c = await live(fam);
      expect((await c.subscribe(topic)).ok).toBe(true);
      const texts = { nl: 'Wat hier gezegd wordt, blijft hier.', fr: 'Ce qui est dit ici reste ici.', en: 'What is said here stays here.' };
      const res = await boss.put(`/api/labs/${rulesLab}/ground-rules`, { texts });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, texts });
      // the same texts again are not a new version
      expect((await boss.put(`/api/labs/${rulesLab}/ground-rules`, { texts })).body.version).toBe(2);
      await until(() => c.errors.some((e) => e.topic === topic && e.code === 'ACCESS_REVOKED'), 5000, 'access revoked');
      expect(await c.subscribe(topic)).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
      expect((await detail(fam, rulesLab, session.id)).me.consentedVersion).toBe(1);
      expect((await fam.post(sessionsUrl(rulesLab, `/${session.id}/consent`), { version: 1 })).body).toMatchObject({ code: 'GROUND_RULES_OUTDATED', details: { version: 2 } });
      const notes = await YClient.open(t.url, fam.cookie, sessionNotesDocName(session.id));
      expect(notes.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
      notes.close();
      // practitioners who never accepted cannot act in the room either
      await consent(boss, rulesLab, session.id);
      expect((await boss.post(sessionsUrl(rulesLab, `/${session.id}/live/start`))).status).toBe(200);
      expect((await pro.post(sessionsUrl(rulesLab, `/${session.id}/live/hand`), { raised: true })).body).toMatchObject({ code: 'CONSENT_REQUIRED', details: { version: 2 } });
      await consent(fam, rulesLab, session.id);
      const row = (await t.db.query(`SELECT text_hash FROM lab_ground_rule_consents WHERE member_id = $1 AND version = 2`, [fam.memberId]))[0];
      expect(row.text_hash).toBe(createHash('sha256').update(texts.fr).digest('hex'));
      expect((await c.subscribe(topic)).ok).toBe(true);
      expect((await fam.post(sessionsUrl(rulesLab, `/${session.id}/live/hand`), { raised: true })).status).toBe(200);
    });
  });

  describe('the live room', () => {
    let session: SessionSummary;
    let items: SessionDetail['agenda'];
    let famLive: LiveClient;
    let proLive: LiveClient;
    const url = (path: string) => sessionsUrl(labId, `/${session.id}${path}`);

    beforeAll(async () => {
      [session] = (await plan(facilitator, labId, {
        title: 'Live labsessie',
        startsAt: inHours(1),
        agenda: [
          { title: 'Welkom', minutes: 10, kind: 'discussion' },
          { title: 'Netwerk', minutes: 5, kind: 'board', refId: boardId },
          { title: 'Casus', minutes: 15, kind: 'reflection', refId: ownDraftId },
          { title: 'Afsluiting', minutes: 1, kind: 'discussion' },
        ],
      })) as [SessionSummary];
      items = (await detail(facilitator, labId, session.id)).agenda;
      for (const who of [facilitator, practitioner, family, observer]) await consent(who, labId, session.id);
      famLive = await live(family);
      proLive = await live(practitioner);
      for (const c of [famLive, proLive]) expect((await c.subscribe(liveTopic('session', session.id))).ok).toBe(true);
    });

    test('nothing happens in the room before it starts', async () => {
      expect((await family.post(url('/live/hand'), { raised: true })).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.post(url('/live/item'), { itemId: items[0]!.id })).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.post(url('/live/end'))).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.post(url('/live/bring'), { itemId: items[0]!.id })).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await family.get(url('/report'))).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await detail(family, labId, session.id)).live).toMatchObject({ status: 'planned', currentItemId: null, timer: null, hands: [], startedAt: null });
    });

    test('a facilitator starts it; both members receive the live state', async () => {
      const fromF = famLive.notices.length;
      const fromP = proLive.notices.length;
      const res = await facilitator.post(url('/live/start'));
      expect(res.status).toBe(200);
      const state = res.body as LiveState;
      expect(state).toMatchObject({ sessionId: session.id, status: 'live', currentItemId: null, hands: [], coveredItemIds: [], endedAt: null });
      expect(Math.abs(Date.parse(state.serverNow) - Date.now())).toBeLessThan(5000);
      for (const [c, from] of [[famLive, fromF], [proLive, fromP]] as const) {
        const n = await c.waitFor((x) => x.type === 'session.state' && (x.state as LiveState).status === 'live', from);
        expect(n.topic).toBe(liveTopic('session', session.id));
      }
      expect((await facilitator.post(url('/live/start'))).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.patch(url(''), { startsAt: inHours(5) })).status).toBe(200);
    });

    test('the current item is covered from now; its timer is set to its minutes, not running; start, pause and reset', async () => {
      let res = await facilitator.post(url('/live/item'), { itemId: items[0]!.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ currentItemId: items[0]!.id, coveredItemIds: [items[0]!.id], timer: { running: false, endsAt: null, remainingSeconds: 600, totalSeconds: 600 } });
      expect(Date.parse(res.body.itemStartedAt)).toBeGreaterThan(Date.now() - 5000);
      res = await facilitator.post(url('/live/timer'), { action: 'start' });
      expect(res.body.timer).toMatchObject({ running: true, totalSeconds: 600 });
      expect(Math.abs(Date.parse(res.body.timer.endsAt) - (Date.parse(res.body.serverNow) + 600_000))).toBeLessThan(2000);
      await sleep(1100);
      res = await facilitator.post(url('/live/timer'), { action: 'pause' });
      expect(res.body.timer).toMatchObject({ running: false, endsAt: null, totalSeconds: 600 });
      expect(res.body.timer.remainingSeconds).toBeLessThan(600);
      expect(res.body.timer.remainingSeconds).toBeGreaterThan(590);
      const paused = res.body.timer.remainingSeconds;
      await sleep(1100);
      expect((await detail(family, labId, session.id)).live.timer).toMatchObject({ running: false, remainingSeconds: paused });
      res = await facilitator.post(url('/live/timer'), { action: 'reset', seconds: 120 });
      expect(res.body.timer).toEqual({ running: false, endsAt: null, remainingSeconds: 120, totalSeconds: 120 });
      res = await facilitator.post(url('/live/timer'), { action: 'reset' });
      expect(res.body.timer).toMatchObject({ remainingSeconds: 600, totalSeconds: 600 });
      for (const body of [{ action: 'stop' }, { action: 'start', seconds: 5 }, { action: 'start', seconds: 5 * 3600 }, { action: 'pause', seconds: 60 }, {}]) {
        const r = await facilitator.post(url('/live/timer'), body);
        expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
      }
      // moving on: the next item is covered too, with a fresh timer
      res = await facilitator.post(url('/live/item'), { itemId: items[1]!.id });
      expect(res.body).toMatchObject({ currentItemId: items[1]!.id, coveredItemIds: [items[0]!.id, items[1]!.id], timer: { running: false, remainingSeconds: 300 } });
      const other = (await detail(facilitator, labId, (await plan(facilitator, labId, { agenda: [{ title: 'Elders', minutes: 5, kind: 'discussion' }] }))[0]!.id)).agenda[0]!;
      for (const itemId of [randomUUID(), other.id]) expect((await facilitator.post(url('/live/item'), { itemId })).body.code).toBe('AGENDA_ITEM_NOT_FOUND');
      expect((await facilitator.post(url('/live/item'), { itemId: 'first' })).status).toBe(400);
      // covered items stay on the agenda
      expect((await facilitator.patch(url(''), { agenda: [pick(items[1]!)] })).body.code).toBe('SESSION_WRONG_STATUS');
      const last = stateNotices(famLive, session.id).at(-1)!;
      expect((last.state as LiveState).timer).toMatchObject({ remainingSeconds: 300 });
    });

    test('“bring everyone to this item” reaches every member in the room', async () => {
      const fromF = famLive.notices.length;
      const fromP = proLive.notices.length;
      const res = await facilitator.post(url('/live/bring'), { itemId: items[2]!.id });
      expect(res.status).toBe(204);
      for (const [c, from] of [[famLive, fromF], [proLive, fromP]] as const) {
        expect(await c.waitFor((n) => n.type === 'session.bring', from)).toEqual({ topic: liveTopic('session', session.id), type: 'session.bring', itemId: items[2]!.id });
      }
      expect((await facilitator.post(url('/live/bring'), { itemId: randomUUID() })).body.code).toBe('AGENDA_ITEM_NOT_FOUND');
      expect((await detail(family, labId, session.id)).live.currentItemId).toBe(items[1]!.id);
    });

    test('hands are kept in the order they were raised; lowering and raising again goes to the end; a facilitator lowers anyone', async () => {
      const hand = (who: Client, raised: boolean) => who.post(url('/live/hand'), { raised });
      const order = (s: LiveState) => s.hands.map((h) => h.memberId);
      const me = async (who: Client) => (await detail(who, labId, session.id)).me.memberId;
      const facilitatorId = await me(facilitator);
      expect((await hand(family, true)).status).toBe(200);
      await hand(practitioner, true);
      let res = await hand(facilitator, true);
      expect(order(res.body)).toEqual([family.memberId, practitioner.memberId, facilitatorId]);
      // the family member appears by pseudonym
      expect(res.body.hands[0].displayName).toMatch(/^Pseudo /);
      res = await hand(family, true);
      expect(order(res.body)).toEqual([family.memberId, practitioner.memberId, facilitatorId]);
      await hand(family, false);
      res = await hand(family, true);
      expect(order(res.body)).toEqual([practitioner.memberId, facilitatorId, family.memberId]);
      const times = (res.body as LiveState).hands.map((h) => h.raisedAt);
      expect([...times].sort()).toEqual(times);
      // observers follow, they do not raise hands
      expect((await hand(observer, true)).body.code).toBe('FORBIDDEN');
      res = await facilitator.post(url(`/live/hands/${practitioner.memberId}/lower`));
      expect(order(res.body)).toEqual([facilitatorId, family.memberId]);
      // lowering a hand that is down is harmless; a stranger's id or a malformed one is refused
      expect((await facilitator.post(url(`/live/hands/${practitioner.memberId}/lower`))).status).toBe(200);
      expect((await facilitator.post(url(`/live/hands/${randomUUID()}/lower`))).body.code).toBe('MEMBER_NOT_FOUND');
      expect((await facilitator.post(url('/live/hands/abc/lower'))).body.code).toBe('MALFORMED_ID');
      for (const body of [{}, { raised: 'yes' }, { raised: true, memberId: practitioner.memberId }]) {
        expect((await family.post(url('/live/hand'), body)).status).toBe(400);
      }
      await until(() => order(stateNotices(proLive, session.id).at(-1)!.state as LiveState).join() === [facilitatorId, family.memberId].join(), 5000, 'hands live');
    });

    test('a family member cannot do anything a facilitator does, with any endpoint, and nothing changes', async () => {
      const before = await detail(facilitator, labId, session.id);
      const attempts: Array<[string, () => Promise<{ status: number; body: { code?: string } }>]> = [
        ['start', () => family.post(url('/live/start'))],
        ['item', () => family.post(url('/live/item'), { itemId: items[3]!.id })],
        ['timer', () => family.post(url('/live/timer'), { action: 'start' })],
        ['bring', () => family.post(url('/live/bring'), { itemId: items[3]!.id })],
        ['lower', () => family.post(url(`/live/hands/${before.live.hands[0]!.memberId}/lower`))],
        ['end', () => family.post(url('/live/end'))],
        ['edit', () => family.patch(url(''), { title: 'Van mij' })],
        ['cancel', () => family.post(url('/cancel'))],
        ['plan', () => family.post(sessionsUrl(labId), { title: 'Eigen sessie', startsAt: inHours(3), durationMinutes: 60 })],
        ['ground rules', () => family.put(`/api/labs/${labId}/ground-rules`, { texts: { nl: 'a', fr: 'b', en: 'c' } })],
      ];
      for (const [what, attempt] of attempts) {
        const res = await attempt();
        expect([what, res.status, res.body.code]).toEqual([what, 403, 'FORBIDDEN']);
      }
      const after = await detail(facilitator, labId, session.id);
      expect({ ...after, live: withoutClock(after.live) }).toEqual({ ...before, live: withoutClock(before.live) });
      const denied = (await t.auditActions()).filter((a) => a.actor_id === family.userId && a.outcome === 'denied');
      expect(denied.length).toBeGreaterThanOrEqual(attempts.length);
    });

    test('presence: joining shows up, a quick reconnect keeps it, a closed tab ends it after the grace; attendance is recorded', async () => {
      const topic = liveTopic('session', session.id);
      const isIn = (c: LiveClient, memberId: string) => c.lastPresence(topic)?.members.some((m) => m.memberId === memberId) ?? false;
      let ret = await live(observer);
      const ack = await ret.subscribe(topic);
      expect(ack.ok && ack.presence?.map((m) => m.memberId)).toEqual(expect.arrayContaining([family.memberId, practitioner.memberId, observer.memberId]));
      await until(() => isIn(proLive, observer.memberId), 5000, 'observer present');
      expect(proLive.lastPresence(topic)!.members.find((m) => m.memberId === family.memberId)).toMatchObject({ role: 'family', displayName: expect.stringMatching(/^Pseudo /) });

      // a reload: the socket closes and a new one subscribes well within the grace
      const from = proLive.presence.length;
      ret.close();
      await sleep(200);
      ret = await live(observer);
      expect((await ret.subscribe(topic)).ok).toBe(true);
      await sleep(LIVE_LIMITS.presenceGraceMs + 800);
      const since = proLive.presence.slice(from).filter((p) => p.topic === topic);
      expect(since.length).toBeGreaterThan(0);
      for (const p of since) expect(p.members.map((m) => m.memberId)).toContain(observer.memberId);

      // the tab is closed: gone, but only after the grace
      const closedAt = Date.now();
      ret.close();
      await until(() => !isIn(proLive, observer.memberId), LIVE_LIMITS.presenceGraceMs + 5000, 'observer gone');
      expect(Date.now() - closedAt).toBeGreaterThanOrEqual(LIVE_LIMITS.presenceGraceMs - 300);
      expect(isIn(proLive, family.memberId)).toBe(true);
      // the room announces first, then records: wait for the record
      const presentNow = async (memberId: string) =>
        (await t.db.query(`SELECT present FROM lab_session_attendance WHERE session_id = $1 AND member_id = $2`, [session.id, memberId]))[0]?.present;
      for (let i = 0; i < 100 && (await presentNow(observer.memberId)) !== false; i++) await sleep(50);
      const rows: Array<{ member_id: string; present: boolean; first_seen_at: Date; last_seen_at: Date }> = await t.db.query(
        `SELECT member_id, present, first_seen_at, last_seen_at FROM lab_session_attendance WHERE session_id = $1`,
        [session.id],
      );
      const seen = new Map(rows.map((r) => [r.member_id, r]));
      expect([...seen.keys()]).toEqual(expect.arrayContaining([family.memberId, practitioner.memberId, observer.memberId]));
      expect(seen.get(observer.memberId)!.present).toBe(false);
      expect(new Date(seen.get(observer.memberId)!.last_seen_at).getTime()).toBeGreaterThan(new Date(seen.get(observer.memberId)!.first_seen_at).getTime());
      expect(seen.get(family.memberId)!.present).toBe(true);
      // the returnee never came in
      expect(seen.has(returnee.memberId)).toBe(false);
    });

    test('the notes: facilitators and practitioners write, a consenting family member too, observers read, others nothing', async () => {
      const name = sessionNotesDocName(session.id);
      const writers: YClient[] = [];
      for (const [who, text] of [[facilitator, 'Afspraak: volgende keer huisvesting.'], [practitioner, 'Vraag aan het OCMW.'], [family, 'Merci pour l’écoute.']] as const) {
        const c = await YClient.open(t.url, who.cookie, name);
        expect(c.join).toMatchObject({ ok: true, access: 'write' });
        await c.synced;
        c.appendXml(text);
        await c.settled();
        expect(c.refused).toEqual([]);
        writers.push(c);
      }
      const reader = await YClient.open(t.url, observer.cookie, name);
      expect(reader.join).toMatchObject({ ok: true, access: 'read' });
      await reader.synced;
      await until(() => reader.xmlTexts().length === 3, 5000, 'notes');
      for (const who of [returnee, stranger]) {
        const c = await YClient.open(t.url, who.cookie, name);
        expect(c.join).toMatchObject({ ok: false, code: 'DOC_NOT_FOUND' });
        c.close();
      }
      [...writers, reader].forEach((c) => c.close());
    });

    test('ending saves an automatic version of the notes and of each covered board and reflection; the report groups attendance', async () => {
      await facilitator.post(url('/live/item'), { itemId: items[2]!.id });
      await sleep(3500);
      const from = famLive.notices.length;
      const res = await facilitator.post(url('/live/end'));
      expect(res.status).toBe(200);
      const report = res.body as SessionReport;
      expect(report.session).toMatchObject({ id: session.id, status: 'ended' });
      expect(Date.parse(report.endedAt!)).toBeGreaterThan(Date.parse(report.startedAt!));
      const ended = await famLive.waitFor((n) => n.type === 'session.state' && (n.state as LiveState).status === 'ended', from);
      expect((ended as { state: LiveState }).state).toMatchObject({ hands: [], timer: null, currentItemId: null });

      // items covered, in order, with the minutes actually spent
      expect(report.itemsCovered.map((i) => [i.itemId, i.title, i.kind])).toEqual([
        [items[0]!.id, 'Welkom', 'discussion'],
        [items[1]!.id, 'Netwerk', 'board'],
        [items[2]!.id, 'Casus', 'reflection'],
      ]);
      expect(report.itemsCovered.every((i) => i.minutes >= 0 && i.minutes < 5)).toBe(true);
      expect(report.itemsCovered[2]!.minutes).toBeGreaterThan(0);

      // the versions: notes, the board and the reflection, each a real automatic version
      expect(report.versions.map((v) => v.docName)).toEqual([sessionNotesDocName(session.id), boardDocName(boardId), reflectionDocName(ownDraftId)]);
      const stored: Array<{ id: string; doc_name: string; kind: string; name: string }> = await t.db.query(
        `SELECT id, doc_name, kind, name FROM collab_versions WHERE id = ANY($1::uuid[])`,
        [report.versions.map((v) => v.versionId)],
      );
      expect(stored).toHaveLength(3);
      for (const v of report.versions) expect(stored.find((s) => s.id === v.versionId)).toMatchObject({ doc_name: v.docName, kind: 'auto' });
      const notesVersion = await t.db.query(`SELECT data FROM collab_versions WHERE id = $1`, [report.versions[0]!.versionId]);
      expect(Buffer.from(notesVersion[0].data).toString('utf8')).toContain('Vraag aan het OCMW.');
      // the item never reached is not versioned, nor counted
      expect(report.itemsCovered.map((i) => i.itemId)).not.toContain(items[3]!.id);

      // attendance by stakeholder group: families by pseudonym, professionals by their sector
      const groups = Object.fromEntries(report.attendance.map((g) => [g.group, g.members.map((m) => m.memberId)]));
      expect(groups.family).toEqual([family.memberId]);
      expect(groups.social).toEqual(expect.arrayContaining([practitioner.memberId]));
      expect(groups.research).toEqual([observer.memberId]);
      expect(groups.returnee).toBeUndefined();
      const fam = report.attendance.find((g) => g.group === 'family')!.members[0]!;
      expect(fam).toMatchObject({ role: 'family', group: 'family', displayName: expect.stringMatching(/^Pseudo /) });
      for (const g of report.attendance) for (const m of g.members) expect(Date.parse(m.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(m.firstSeenAt));
      expect(JSON.stringify(report)).not.toMatch(/@test\.relab\.example/);

      // and the session is over
      expect((await family.post(url('/live/hand'), { raised: true })).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.post(url('/live/end'))).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.post(url('/live/start'))).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.patch(url(''), { title: 'Nog aanpassen' })).body.code).toBe('SESSION_WRONG_STATUS');
      expect((await facilitator.post(url('/cancel'))).body.code).toBe('SESSION_WRONG_STATUS');
      const past = (await family.get(sessionsUrl(labId, '?when=past'))).body as SessionSummary[];
      expect(past.map((s) => s.id)).toContain(session.id);
    });

    test('the report is the same for every member, observers included', async () => {
      const a = (await observer.get(url('/report'))).body;
      const b = (await family.get(url('/report'))).body;
      expect(a).toEqual(b);
      expect(a.attendance.length).toBeGreaterThan(0);
      expect((await stranger.get(url('/report'))).status).toBe(404);
      expect((await family.get(sessionsUrl(labId, `/${randomUUID()}/report`))).body.code).toBe('SESSION_NOT_FOUND');
    });

    test('the report exports as Markdown and PDF in the language asked for (or the reader’s own)', async () => {
      const md = await observer.get(url('/report.md?language=fr'));
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(md.headers['content-disposition']).toMatch(/^attachment; filename="session-report-[0-9a-f]{8}-fr\.md"$/);
      const famName = (await t.db.query(`SELECT display_name FROM users WHERE id = $1`, [family.userId]))[0].display_name as string;
      expect(md.text).toContain('# Compte rendu de la session: Live labsessie');
      expect(md.text).toContain('## Présences (');
      expect(md.text).toContain('### Proches (1)');
      expect(md.text).toContain(famName);
      expect(md.text).toContain("## Points de l'ordre du jour traités");
      expect(md.text).toContain('Tableau blanc');
      expect(md.text).toContain('## Versions enregistrées');
      const nl = await observer.get(url('/report.md?language=nl'));
      expect(nl.text).toContain('# Verslag van de sessie: Live labsessie');
      expect(nl.text).toContain('### Familieleden (1)');
      // without a language: the reader's own (the family member reads French)
      expect((await family.get(url('/report.md'))).text).toContain('Compte rendu de la session');
      expect((await facilitator.get(url('/report.md'))).text).toContain('Verslag van de sessie');
      const pdf = await family.get(url('/report.pdf?language=en')).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      for (const q of ['?language=de', '?language=fr&x=1', '?format=pdf']) expect((await family.get(url(`/report.md${q}`))).status).toBe(400);
      expect((await stranger.get(url('/report.pdf'))).status).toBe(404);
      const audit = await t.auditActions();
      expect(audit.some((a) => a.action === 'session.exported:md' && a.resource_id === session.id && a.actor_id === observer.userId)).toBe(true);
      expect(audit.some((a) => a.action === 'session.exported:pdf' && a.resource_id === session.id)).toBe(true);
    });

    test('the audit log has every step of the session, with ids only', async () => {
      const audit = (await t.auditActions()).filter((a) => a.resource_id === session.id);
      const actions = new Set(audit.map((a) => a.action));
      for (const a of ['session.created', 'session.updated', 'session.consented', 'session.started', 'session.joined', 'session.ended']) expect(actions).toContain(a);
      expect(audit.filter((a) => a.action === 'session.joined').map((a) => a.actor_id)).toEqual(expect.arrayContaining([family.userId, observer.userId]));
      expect((await t.auditActions()).some((a) => a.action === 'lab.ground_rules_updated')).toBe(true);
    });
  });

  describe('concurrency and several processes', () => {
    test('simultaneous changes are serialised: consecutive ground-rules versions, every hand kept, no error', async () => {
      const { labId: lab, facilitator: boss } = await t.lab();
      const co = await t.member(lab, boss, 'facilitator');
      const people = [boss, co, await t.member(lab, boss, 'practitioner'), await t.member(lab, boss, 'family'), await t.member(lab, boss, 'returnee')];
      const puts = await Promise.all(
        [boss, co, boss, co].map((who, i) => who.put(`/api/labs/${lab}/ground-rules`, { texts: { nl: `Regel ${i}`, fr: `Règle ${i}`, en: `Rule ${i}` } })),
      );
      expect(puts.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(puts.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5]);
      const [s] = await plan(boss, lab, { agenda: [{ title: 'Een', minutes: 5, kind: 'discussion' }, { title: 'Twee', minutes: 5, kind: 'discussion' }] });
      for (const who of people) await consent(who, lab, s!.id);
      const u = (p: string) => sessionsUrl(lab, `/${s!.id}${p}`);
      const starts = await Promise.all([boss.post(u('/live/start')), co.post(u('/live/start'))]);
      expect(starts.map((r) => r.status).sort()).toEqual([200, 409]);
      const items = (await detail(boss, lab, s!.id)).agenda;
      const mixed = await Promise.all([
        ...people.map((who) => who.post(u('/live/hand'), { raised: true })),
        boss.post(u('/live/item'), { itemId: items[0]!.id }),
        co.post(u('/live/item'), { itemId: items[1]!.id }),
        boss.post(u('/live/timer'), { action: 'start', seconds: 60 }),
        co.post(u('/live/timer'), { action: 'pause' }),
      ]);
      for (const r of mixed) expect([200, 400]).toContain(r.status);
      const state = (await detail(boss, lab, s!.id)).live;
      expect(state.hands).toHaveLength(people.length);
      expect(new Set(state.hands.map((h) => h.memberId)).size).toBe(people.length);
      expect(state.coveredItemIds.sort()).toEqual(items.map((i) => i.id).sort());
      expect(items.map((i) => i.id)).toContain(state.currentItemId);
    });
  });

  test('nothing a client sends makes the server fail', async () => {
    const [s] = await plan(facilitator, labId, { startsAt: inHours(4) });
    const junk: unknown[] = [null, [], 'x', 0, { agenda: null }, { itemId: null }, { action: null }, { texts: null }, { version: -1 }, { raised: null }, { startsAt: '2027-02-30T19:00:00Z' }];
    const routes: Array<[string, (body: unknown) => Promise<{ status: number }>]> = [
      ['plan', (b) => facilitator.post(sessionsUrl(labId), b as object)],
      ['edit', (b) => facilitator.patch(sessionsUrl(labId, `/${s!.id}`), b as object)],
      ['consent', (b) => facilitator.post(sessionsUrl(labId, `/${s!.id}/consent`), b as object)],
      ['rules', (b) => facilitator.put(`/api/labs/${labId}/ground-rules`, b as object)],
      ['item', (b) => facilitator.post(sessionsUrl(labId, `/${s!.id}/live/item`), b as object)],
      ['timer', (b) => facilitator.post(sessionsUrl(labId, `/${s!.id}/live/timer`), b as object)],
      ['bring', (b) => facilitator.post(sessionsUrl(labId, `/${s!.id}/live/bring`), b as object)],
      ['hand', (b) => family.post(sessionsUrl(labId, `/${s!.id}/live/hand`), b as object)],
    ];
    for (const [what, send] of routes) {
      for (const body of junk) {
        const res = await send(body);
        expect([what, JSON.stringify(body), res.status >= 400 && res.status < 500]).toEqual([what, JSON.stringify(body), true]);
      }
    }
    expect((await detail(facilitator, labId, s!.id)).status).toBe('planned');
  });
});

/** An item as it is sent back when editing. */
function pick(i: SessionDetail['agenda'][number]): AgendaItemInput {
  return { id: i.id, title: i.title, minutes: i.minutes, kind: i.kind, refId: i.refId };
}

/**
 * A dialogue of a lab, through the dialogues API when it is there (built alongside). Until then the table
 * `dialogues (id, lab_id, title)` stands in for it, as the agenda relies on nothing more.
 */
async function someDialogue(t: TestApp, facilitator: Client, labId: string, title: string): Promise<string> {
  const res = await facilitator.post(`/api/labs/${labId}/dialogues`, { title, groundRules: 'Respect.', languages: ['nl', 'fr'] });
  if (res.status === 201) return res.body.id as string;
  const id = randomUUID();
  const exists = (await t.db.query(`SELECT to_regclass('public.dialogues') AS t`))[0].t;
  if (exists) {
    await t.db.query(
      `INSERT INTO dialogues (id, lab_id, title, ground_rules, languages, mode, first_n, flag_threshold) VALUES ($1, $2, $3, 'Respect.', '{nl,fr}', 'pre', 3, 3)`,
      [id, labId, title],
    );
  } else {
    await t.db.query(`CREATE TABLE dialogues (id uuid PRIMARY KEY, lab_id uuid NOT NULL, title text NOT NULL)`);
    await t.db.query(`INSERT INTO dialogues (id, lab_id, title) VALUES ($1, $2, $3)`, [id, labId, title]);
  }
  return id;
}
