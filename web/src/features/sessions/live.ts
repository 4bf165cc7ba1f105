/** The live room's state as it arrives from the server (pure): checks, order of arrival, presence, what to announce. */
import type { LabRole, LiveState, PresentMember, SessionStatus } from '@relab/shared';
import { SESSION_STATUSES } from '@relab/shared';

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * A `session.state` notice's state when it is a complete LiveState of this session, else null (the socket is
 * trusted, but a notice of another session or of an older server version must not break the room).
 */
export function asLiveState(value: unknown, sessionId: string): LiveState | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Partial<Record<keyof LiveState, unknown>>;
  if (v.sessionId !== sessionId || !isString(v.serverNow) || Number.isNaN(Date.parse(v.serverNow))) return null;
  if (!(SESSION_STATUSES as readonly unknown[]).includes(v.status)) return null;
  if (!isNullableString(v.currentItemId) || !Array.isArray(v.hands) || !Array.isArray(v.coveredItemIds)) return null;
  if (v.timer !== null && (typeof v.timer !== 'object' || v.timer === undefined)) return null;
  return value as LiveState;
}

/** True when `next` may replace `current`: not made before it on the server (answers and notices can cross). */
export function isNewerState(current: LiveState | null, next: LiveState): boolean {
  if (!current) return true;
  return Date.parse(next.serverNow) >= Date.parse(current.serverNow);
}

const ROLE_ORDER: Record<LabRole, number> = { facilitator: 0, practitioner: 1, observer: 2, family: 3, returnee: 3 };

/** Who is present: me first, then facilitators, then everyone else by name; each member once. */
export function sortPresence(members: readonly PresentMember[], myMemberId: string | null, language = 'en'): PresentMember[] {
  const seen = new Map<string, PresentMember>();
  for (const m of members) if (!seen.has(m.memberId)) seen.set(m.memberId, m);
  const rank = (role: string) => ROLE_ORDER[role as LabRole] ?? 4;
  return [...seen.values()].sort(
    (a, b) =>
      Number(b.memberId === myMemberId) - Number(a.memberId === myMemberId) ||
      rank(a.role) - rank(b.role) ||
      a.displayName.localeCompare(b.displayName, language),
  );
}

/** Whether my hand is up, and where I am in the queue (1-based, 0 when not raised). */
export function myHand(state: LiveState | null, myMemberId: string | null): { raised: boolean; position: number } {
  const index = state && myMemberId ? state.hands.findIndex((h) => h.memberId === myMemberId) : -1;
  return { raised: index >= 0, position: index + 1 };
}

/** The status to show: the live state's once there is one (it changes live), else the session's. */
export function effectiveStatus(sessionStatus: SessionStatus, live: LiveState | null): SessionStatus {
  return live?.status ?? sessionStatus;
}

/**
 * What a screen reader is told when the state changes: only a new current item (not the first state, nor the same
 * item again), so the ticking timer and raised hands never flood it.
 */
export function itemChange(previousItemId: string | null | undefined, nextItemId: string | null): string | null {
  if (previousItemId === undefined) return null;
  return nextItemId && nextItemId !== previousItemId ? nextItemId : null;
}
