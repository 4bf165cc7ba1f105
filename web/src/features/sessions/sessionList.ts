/** Sessions of a lab grouped for the list (pure): live now, upcoming (soonest first), past (latest first). */
import type { SessionSummary } from '@relab/shared';

export interface SessionGroups {
  live: SessionSummary[];
  upcoming: SessionSummary[];
  past: SessionSummary[];
}

/** The union of several lists (e.g. the server's upcoming and past), each session once (the later list wins). */
export function mergeSessions(...lists: ReadonlyArray<readonly SessionSummary[] | undefined>): SessionSummary[] {
  const byId = new Map<string, SessionSummary>();
  for (const list of lists) for (const s of list ?? []) byId.set(s.id, s);
  return [...byId.values()];
}

/**
 * Groups by status and time: a live session is "now" whatever the clock says; an ended one is past; a planned or
 * cancelled one is upcoming until its end time has passed.
 */
export function groupSessions(sessions: readonly SessionSummary[], now: number): SessionGroups {
  const groups: SessionGroups = { live: [], upcoming: [], past: [] };
  for (const s of sessions) {
    if (s.status === 'live') groups.live.push(s);
    else if (s.status === 'ended') groups.past.push(s);
    else if (Date.parse(s.endsAt) > now) groups.upcoming.push(s);
    else groups.past.push(s);
  }
  const byStart = (a: SessionSummary, b: SessionSummary) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  groups.live.sort(byStart);
  groups.upcoming.sort(byStart);
  groups.past.sort((a, b) => byStart(b, a));
  return groups;
}
