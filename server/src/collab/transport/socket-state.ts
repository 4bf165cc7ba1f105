import type { DefaultEventsMap, Socket } from 'socket.io';
import { COLLAB_LIMITS, type CollabUser, type DocAccess } from '@relab/shared';
import type { User } from '../../modules/identity/user.entity.js';
import { TokenBucket } from './rate-limit.js';

export interface JoinedDoc {
  access: Exclude<DocAccess, 'none'>;
  /** Awareness client ids this socket speaks for in this document (bound at first use). */
  awarenessIds: Set<number>;
  awarenessBucket: TokenBucket;
  /** What the document type needs to judge this writer's updates (e.g. their lab role), from `policy.context`. */
  context: unknown;
}

/** What the server knows about one socket; never trusted from the client. */
export interface CollabSocketData {
  user: User;
  collabUser: CollabUser;
  /** Session cookie token, re-checked periodically and on revocation events. */
  sessionToken: string;
  docs: Map<string, JoinedDoc>;
  bucket: TokenBucket;
  /** Messages of one socket are handled strictly in order (its updates depend on each other). */
  queue: Promise<void>;
  /** Last time a refusal was sent for rate limiting (refusals are themselves rate-limited). */
  lastRateNotice: number;
}

export type CollabSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, CollabSocketData>;

export function newSocketData(user: User, collabUser: CollabUser, sessionToken: string): CollabSocketData {
  return {
    user,
    collabUser,
    sessionToken,
    docs: new Map(),
    bucket: new TokenBucket(COLLAB_LIMITS.messagesPerSecond, COLLAB_LIMITS.messagesPerSecond * 2),
    lastRateNotice: 0,
    queue: Promise.resolve(),
  };
}

export function newJoinedDoc(access: Exclude<DocAccess, 'none'>, context: unknown = undefined): JoinedDoc {
  return { access, context, awarenessIds: new Set(), awarenessBucket: new TokenBucket(COLLAB_LIMITS.awarenessPerSecond, COLLAB_LIMITS.awarenessPerSecond * 2) };
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e', '#3b5b92', '#a0522d', '#008080'];

/** A stable colour per user, so someone keeps their colour across documents and sessions. */
export function colorFor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
