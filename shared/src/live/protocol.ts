/**
 * The app's realtime channel: socket.io namespace `/live`, separate from the Yjs core (`/collab`).
 * It only NOTIFIES: what changed is always fetched over the REST API (or, for a session's live state, carried in
 * the notification itself, which is small and derived from PostgreSQL). So a dropped connection or a Redis
 * hiccup loses nothing: a client that (re)subscribes fetches what it missed.
 *
 * Client → server (with acknowledgement):
 *   `subscribe`   (topic: string)  → SubscribeAck
 *   `unsubscribe` (topic: string)  → { ok: true }
 * Server → client:
 *   `live`        LiveNotice        (something changed under a topic the socket subscribed to, or for this user)
 *   `presence`    PresenceNotice    (who is subscribed to a topic that tracks presence)
 *   `live-error`  { topic, code }   (e.g. access revoked: the socket was unsubscribed)
 */
export const LIVE_NAMESPACE = '/live';

export const LIVE_EVENTS = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  notice: 'live',
  presence: 'presence',
  error: 'live-error',
} as const;

/**
 * Topics, `<kind>:<uuid>`:
 * - `dialogue:<id>`      participants of a dialogue: its messages changed (fetch since your last `rev`)
 * - `dialogue-mod:<id>`  its moderators: the moderation queue changed
 * - `session:<id>`       members of the lab who consented: live state of a session (presence tracked)
 * Every socket is also in its own user's private room, for notices about the user's own things.
 */
export const LIVE_TOPIC_KINDS = ['dialogue', 'dialogue-mod', 'session'] as const;
export type LiveTopicKind = (typeof LIVE_TOPIC_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function liveTopic(kind: LiveTopicKind, id: string): string {
  return `${kind}:${id}`;
}

/** Parses a topic; null for anything that is not `<known kind>:<uuid>`. */
export function parseLiveTopic(topic: unknown): { kind: LiveTopicKind; id: string } | null {
  if (typeof topic !== 'string' || topic.length > 64) return null;
  const at = topic.indexOf(':');
  if (at < 0) return null;
  const kind = topic.slice(0, at) as LiveTopicKind;
  const id = topic.slice(at + 1);
  if (!(LIVE_TOPIC_KINDS as readonly string[]).includes(kind) || !UUID.test(id)) return null;
  return { kind, id };
}

export const LIVE_ERROR_CODES = ['UNAUTHENTICATED', 'BAD_TOPIC', 'NOT_FOUND', 'CONSENT_REQUIRED', 'RATE_LIMITED', 'ACCESS_REVOKED'] as const;
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

export const LIVE_LIMITS = {
  /** Topics one socket may be subscribed to at once. */
  topicsPerSocket: 20,
  /** Subscribe / unsubscribe calls per socket per second (token bucket, burst twice this). */
  callsPerSecond: 5,
  /** A member who disconnects stays "present" this long, so a reconnect (or reload) does not flicker. */
  presenceGraceMs: 4000,
} as const;

export type SubscribeAck = { ok: true; topic: string; presence?: PresentMember[] } | { ok: false; topic: string; code: LiveErrorCode };

/** Someone present in a live session: pseudonym for families and returnees, display name for professionals. */
export interface PresentMember {
  memberId: string;
  displayName: string;
  role: string;
}

export interface PresenceNotice {
  topic: string;
  members: PresentMember[];
}

/** What changed; payloads carry ids and states, never message text. */
export type LiveNotice =
  /** New, approved, hidden, restored, erased or reacted-to messages: fetch `GET …/messages?since=<your rev>`. */
  | { topic: string; type: 'dialogue.messages'; rev: number }
  /** Paused, slow mode, mode or title changed: fetch the dialogue again. */
  | { topic: string; type: 'dialogue.updated' }
  /** (moderators) the queue changed: fetch `GET …/moderation`. */
  | { topic: string; type: 'dialogue.queue'; pending: number }
  /** A session's live state (current item, timer, raised hands), complete: replaces what the client has. */
  | { topic: string; type: 'session.state'; state: unknown }
  /** The facilitator brings everyone to an agenda item. */
  | { topic: string; type: 'session.bring'; itemId: string }
  /** (to one user) one of your messages was moderated: fetch the dialogue's messages since your rev. */
  | { topic: string; type: 'dialogue.mine'; dialogueId: string; rev: number };
