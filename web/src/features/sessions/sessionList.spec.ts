import { describe, expect, test } from '@jest/globals';
import type { SessionStatus, SessionSummary } from '@relab/shared';
import { groupSessions, mergeSessions } from './sessionList.js';

const NOW = Date.parse('2026-03-12T12:00:00Z');

function session(id: string, startsAt: string, status: SessionStatus = 'planned', hours = 2): SessionSummary {
  const end = new Date(Date.parse(startsAt) + hours * 3600_000).toISOString();
  return {
    id, labId: 'lab', seriesId: id, title: id, startsAt, endsAt: end, timeZone: 'Europe/Brussels',
    location: null, onlineUrl: null, recurrence: 'none', status,
  };
}

describe('grouping sessions', () => {
  test('upcoming soonest first, past latest first', () => {
    const groups = groupSessions(
      [
        session('next-month', '2026-04-12T12:00:00Z'),
        session('tomorrow', '2026-03-13T12:00:00Z'),
        session('last-week', '2026-03-05T12:00:00Z', 'ended'),
        session('yesterday', '2026-03-11T12:00:00Z', 'ended'),
      ],
      NOW,
    );
    expect(groups.upcoming.map((s) => s.id)).toEqual(['tomorrow', 'next-month']);
    expect(groups.past.map((s) => s.id)).toEqual(['yesterday', 'last-week']);
    expect(groups.live).toEqual([]);
  });

  test('a live session is "now" whatever the clock says, an ended one is past even before its planned end', () => {
    const groups = groupSessions([session('running-late', '2026-03-12T08:00:00Z', 'live'), session('ended-early', '2026-03-12T11:00:00Z', 'ended')], NOW);
    expect(groups.live.map((s) => s.id)).toEqual(['running-late']);
    expect(groups.past.map((s) => s.id)).toEqual(['ended-early']);
  });

  test('a planned session whose end has passed, or a cancelled past one, is past; a cancelled future one stays upcoming', () => {
    const groups = groupSessions(
      [session('never-started', '2026-03-10T12:00:00Z'), session('cancelled-later', '2026-03-20T12:00:00Z', 'cancelled'), session('cancelled-before', '2026-03-01T12:00:00Z', 'cancelled')],
      NOW,
    );
    expect(groups.upcoming.map((s) => s.id)).toEqual(['cancelled-later']);
    expect(groups.past.map((s) => s.id)).toEqual(['never-started', 'cancelled-before']);
  });

  test('one that is going on now (started, not yet ended) is still upcoming until it is started', () => {
    expect(groupSessions([session('about-now', '2026-03-12T11:30:00Z')], NOW).upcoming).toHaveLength(1);
  });

  test('merging the server’s lists keeps each session once, the later list winning', () => {
    const planned = session('a', '2026-03-12T11:30:00Z');
    const live = { ...planned, status: 'live' as const };
    const merged = mergeSessions([planned, session('b', '2026-03-20T12:00:00Z')], [live], undefined);
    expect(merged.map((s) => `${s.id}:${s.status}`).sort()).toEqual(['a:live', 'b:planned']);
  });
});
