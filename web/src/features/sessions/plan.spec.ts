import { describe, expect, test } from '@jest/globals';
import type { SessionDetail } from '@relab/shared';
import { newAgendaItem } from './agenda.js';
import { draftFromSession, emptyDraft, rowErrorsFromRefusal, toCreateRequest, toUpdateRequest, type PlanDraft } from './plan.js';

const REF = '22222222-2222-4222-8222-222222222222';

function draft(overrides: Partial<PlanDraft> = {}): PlanDraft {
  return { ...emptyDraft(), title: 'Monthly lab', date: '2026-03-12', time: '19:00', ...overrides };
}

describe('planning a session', () => {
  test('a single session: the time typed in Brussels becomes an instant, empty place and link become null', () => {
    const result = toCreateRequest(draft({ location: '  ', onlineUrl: '' }));
    expect(result).toEqual({
      ok: true,
      body: {
        title: 'Monthly lab', startsAt: '2026-03-12T18:00:00.000Z', durationMinutes: 120, timeZone: 'Europe/Brussels',
        location: null, onlineUrl: null, recurrence: 'none', occurrences: 1, agenda: [],
      },
    });
  });

  test('a series sends its recurrence and number of sessions; a single session always one', () => {
    const series = toCreateRequest(draft({ recurrence: 'biweekly', occurrences: '6', onlineUrl: 'https://meet.example/lab' }));
    expect(series.ok && series.body).toMatchObject({ recurrence: 'biweekly', occurrences: 6, onlineUrl: 'https://meet.example/lab' });
    const single = toCreateRequest(draft({ recurrence: 'none', occurrences: '9' }));
    expect(single.ok && single.body.occurrences).toBe(1);
  });

  test('the agenda is sent in its order, with its references', () => {
    const rows = [
      { ...newAgendaItem(), title: 'Welcome', minutes: '10' },
      { ...newAgendaItem(), title: 'Case', minutes: '40', kind: 'reflection' as const, refId: REF },
    ];
    const result = toCreateRequest(draft({ agenda: rows }));
    expect(result.ok && result.body.agenda).toEqual([
      { title: 'Welcome', minutes: 10, kind: 'discussion', refId: null },
      { title: 'Case', minutes: 40, kind: 'reflection', refId: REF },
    ]);
  });

  test('each wrong field gets its own message', () => {
    const result = toCreateRequest(
      draft({ title: 'ab', date: '', durationMinutes: '5', onlineUrl: 'javascript:alert(1)', recurrence: 'weekly', occurrences: '99' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors.fields).sort()).toEqual(['date', 'durationMinutes', 'occurrences', 'onlineUrl', 'title']);
    expect(result.errors.fields.title).toEqual({ key: 'sessions.plan.errors.title', values: { min: 3, max: 120 } });
  });

  test('a wrong agenda row is flagged on that row', () => {
    const good = { ...newAgendaItem(), title: 'Fine', minutes: '10' };
    const bad = { ...newAgendaItem(), title: '   ', minutes: '0' };
    const result = toCreateRequest(draft({ agenda: [good, bad] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.rows).toEqual({
      [bad.key]: { title: expect.objectContaining({ key: 'sessions.plan.errors.itemTitle' }), minutes: expect.objectContaining({ key: 'sessions.plan.errors.itemMinutes' }) },
    });
    expect(result.errors.fields).toEqual({});
  });
});

describe('agenda references', () => {
  test('a case reflection, whiteboard or dialogue item must point at something', () => {
    const board = { ...newAgendaItem(), title: 'Map', minutes: '20', kind: 'board' as const };
    const result = toCreateRequest(draft({ agenda: [board] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.rows[board.key]).toEqual({ ref: { key: 'sessions.plan.errors.itemRef' } });
  });

  test('the server’s refusal marks the rows it names, by reason', () => {
    const rows = [
      { ...newAgendaItem(), title: 'A', kind: 'board' as const, refId: REF },
      { ...newAgendaItem(), title: 'B' },
      { ...newAgendaItem(), title: 'C', kind: 'dialogue' as const, refId: REF },
    ];
    const marked = rowErrorsFromRefusal(
      [
        { index: 0, reason: 'not_found' },
        { index: 2, reason: 'ref_required' },
        { index: 9, reason: 'not_found' },
      ],
      draft({ agenda: rows }),
    );
    expect(marked).toEqual({
      [rows[0]!.key]: { ref: { key: 'sessions.plan.errors.itemRefNotFound' } },
      [rows[2]!.key]: { ref: { key: 'sessions.plan.errors.itemRef' } },
    });
    expect(rowErrorsFromRefusal(undefined, draft())).toEqual({});
  });
});

describe('changing a session', () => {
  const detail = {
    id: 's', labId: 'l', seriesId: 's', title: 'Lab', startsAt: '2026-07-01T17:00:00Z', endsAt: '2026-07-01T18:30:00Z',
    timeZone: 'Europe/Brussels', location: 'Leuven', onlineUrl: null, recurrence: 'weekly', status: 'planned',
    agenda: [{ id: REF, title: 'Round', minutes: 30, kind: 'discussion', refId: null, refTitle: null }],
  } as unknown as SessionDetail;

  test('the form starts from the session, its time on the session’s own clocks', () => {
    const d = draftFromSession(detail);
    expect(d).toMatchObject({ title: 'Lab', date: '2026-07-01', time: '19:00', durationMinutes: '90', location: 'Leuven', onlineUrl: '' });
    expect(d.agenda[0]).toMatchObject({ id: REF, title: 'Round', minutes: '30' });
  });

  test('sends every field it shows, agenda items with their ids', () => {
    const result = toUpdateRequest(draftFromSession(detail));
    expect(result).toEqual({
      ok: true,
      body: {
        title: 'Lab', startsAt: '2026-07-01T17:00:00.000Z', durationMinutes: 90, location: 'Leuven', onlineUrl: null,
        agenda: [{ id: REF, title: 'Round', minutes: 30, kind: 'discussion', refId: null }],
      },
    });
  });

  test('an emptied date is an error, not "leave the date as it was"', () => {
    const result = toUpdateRequest({ ...draftFromSession(detail), date: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors.fields)).toEqual(['date']);
  });
});
