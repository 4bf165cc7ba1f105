import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import {
  LIVE_EVENTS,
  LIVE_LIMITS,
  parseLiveTopic,
  type LiveErrorCode,
  type LiveNotice,
  type PresenceNotice,
  type PresentMember,
  type SubscribeAck,
} from '@relab/shared';
import { SocketAuth } from '../modules/identity/socket-auth.js';
import { DomainEventBus } from '../common/events/domain-events.js';
import { TokenBucket } from '../collab/transport/rate-limit.js';
import { SessionsService } from '../modules/identity/sessions.service.js';
import { LiveTopics } from './live-topics.js';

/** What the server keeps per /live socket. Serialisable: other processes read it through fetchSockets(). */
export interface LiveSocketData {
  userId: string;
  sessionToken: string;
  /** topic → who this socket is there as (for presence). */
  topics: Record<string, PresentMember>;
}
export type LiveSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, LiveSocketData>;

const SESSION_RECHECK_MS = 60_000;
const userRoom = (userId: string) => `user:${userId}`;

/**
 * The app's realtime channel (`/live`): sockets subscribe to topics that features register in LiveTopics; features
 * publish small notices to a topic or to one user. Rooms are socket.io rooms, so with REDIS_URL every process's
 * sockets receive what any process publishes, and presence is computed across processes.
 */
@Injectable()
export class LiveService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private nsp: Namespace | null = null;
  private readonly buckets = new WeakMap<LiveSocket, TokenBucket>();
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly topics: LiveTopics,
    private readonly sessions: SessionsService,
    private readonly events: DomainEventBus,
    private readonly socketAuth: SocketAuth,
  ) {}

  onModuleInit(): void {
    for (const name of ['member.removed', 'member.role_changed', 'account.disabled'] as const) {
      this.events.on(name, (e) => this.recheckUser(e.userId));
    }
    this.events.on('auth.logout', (e) => (e.actorId ? this.recheckUser(e.actorId) : undefined));
    this.sweep = setInterval(() => void this.recheckSessions(), SESSION_RECHECK_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
    for (const t of this.presenceTimers.values()) clearTimeout(t);
    this.presenceTimers.clear();
  }

  attach(nsp: Namespace): void {
    this.nsp = nsp;
  }

  /** Handshake: same origin (when the client says where it comes from) and a live session. */
  async authenticate(socket: LiveSocket): Promise<string | null> {
    const found = await this.socketAuth.resolve(socket.handshake);
    if (!found) return 'UNAUTHENTICATED';
    socket.data = { userId: found.auth.user.id, sessionToken: found.token, topics: {} };
    return null;
  }

  connected(socket: LiveSocket): void {
    if (!socket.data?.userId) {
      socket.disconnect(true);
      return;
    }
    this.buckets.set(socket, new TokenBucket(LIVE_LIMITS.callsPerSecond, LIVE_LIMITS.callsPerSecond * 2));
    void socket.join(userRoom(socket.data.userId));
  }

  disconnected(socket: LiveSocket): void {
    for (const topic of Object.keys(socket.data?.topics ?? {})) this.presenceChanged(topic, true);
  }

  async subscribe(socket: LiveSocket, raw: unknown): Promise<SubscribeAck> {
    const topic = typeof raw === 'string' ? raw : '';
    const fail = (code: LiveErrorCode): SubscribeAck => ({ ok: false, topic, code });
    if (!this.buckets.get(socket)?.take()) return fail('RATE_LIMITED');
    const parsed = parseLiveTopic(raw);
    if (!parsed) return fail('BAD_TOPIC');
    const policy = this.topics.get(parsed.kind);
    if (!policy) return fail('BAD_TOPIC');
    if (!socket.data.topics[topic] && Object.keys(socket.data.topics).length >= LIVE_LIMITS.topicsPerSocket) return fail('RATE_LIMITED');
    const auth = await this.sessions.resolve(socket.data.sessionToken).catch(() => null);
    if (!auth) {
      socket.disconnect(true);
      return fail('UNAUTHENTICATED');
    }
    let verdict;
    try {
      verdict = await policy.authorize(auth.user, parsed.id);
    } catch (e) {
      this.logger.error(`authorising a ${parsed.kind} topic failed: ${(e as Error).message}`);
      return fail('NOT_FOUND');
    }
    if (!verdict.ok) return fail(verdict.code);
    if (!socket.connected) return fail('UNAUTHENTICATED');
    socket.data.topics[topic] = verdict.member;
    await socket.join(topic);
    if (!policy.presence) return { ok: true, topic };
    const members = await this.presenceNow(topic);
    this.presenceChanged(topic, false, members);
    return { ok: true, topic, presence: members };
  }

  unsubscribe(socket: LiveSocket, raw: unknown): { ok: true } {
    if (typeof raw === 'string' && socket.data.topics[raw]) {
      delete socket.data.topics[raw];
      void socket.leave(raw);
      this.presenceChanged(raw, true);
    }
    return { ok: true };
  }

  /** To every socket subscribed to the topic, in every process. */
  publish(notice: LiveNotice): void {
    this.nsp?.to(notice.topic).emit(LIVE_EVENTS.notice, notice);
  }

  /** To every socket of one user, in every process (their private room). */
  toUser(userId: string, notice: LiveNotice): void {
    this.nsp?.to(userRoom(userId)).emit(LIVE_EVENTS.notice, notice);
  }

  /** Everyone subscribed to a topic now, across processes, one entry per member. */
  async presenceNow(topic: string): Promise<PresentMember[]> {
    if (!this.nsp) return [];
    const sockets = await this.nsp.in(topic).fetchSockets();
    const byMember = new Map<string, PresentMember>();
    for (const s of sockets) {
      const m = (s.data as LiveSocketData | undefined)?.topics?.[topic];
      if (m && !byMember.has(m.memberId)) byMember.set(m.memberId, m);
    }
    return [...byMember.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /**
   * Re-checks every socket subscribed to a topic (e.g. a participant was removed from a dialogue), in every
   * process: those no longer allowed leave it and get `live-error` ACCESS_REVOKED.
   */
  async recheckTopic(topic: string): Promise<void> {
    if (!this.nsp) return;
    const parsed = parseLiveTopic(topic);
    const policy = parsed && this.topics.get(parsed.kind);
    if (!parsed || !policy) return;
    const sockets = await this.nsp.in(topic).fetchSockets();
    const users = new Map<string, boolean>();
    for (const s of sockets) {
      const data = s.data as LiveSocketData;
      let allowed = users.get(data.userId);
      if (allowed === undefined) {
        const auth = await this.sessions.resolve(data.sessionToken).catch(() => null);
        allowed = !!auth && (await policy.authorize(auth.user, parsed.id).catch(() => ({ ok: false }) as const)).ok;
        users.set(data.userId, allowed);
      }
      if (!allowed) {
        s.leave(topic);
        s.emit(LIVE_EVENTS.error, { topic, code: 'ACCESS_REVOKED' });
      }
    }
    if ([...users.values()].some((a) => !a)) this.presenceChanged(topic, false);
  }

  /** Re-checks one user's sockets in every process: every topic they are in, and their session. */
  async recheckUser(userId: string): Promise<void> {
    if (!this.nsp) return;
    const sockets = await this.nsp.in(userRoom(userId)).fetchSockets();
    const topics = new Set<string>();
    for (const s of sockets) for (const room of s.rooms) if (parseLiveTopic(room)) topics.add(room);
    const auth = sockets.length ? await this.sessions.resolve((sockets[0]!.data as LiveSocketData).sessionToken).catch(() => null) : null;
    for (const s of sockets) {
      const own = (s.data as LiveSocketData).sessionToken;
      const still = own === (sockets[0]!.data as LiveSocketData).sessionToken ? auth : await this.sessions.resolve(own).catch(() => null);
      if (!still) {
        s.emit(LIVE_EVENTS.error, { topic: null, code: 'ACCESS_REVOKED' });
        s.disconnect(true);
      }
    }
    for (const topic of topics) await this.recheckTopic(topic);
  }

  private async recheckSessions(): Promise<void> {
    if (!this.nsp) return;
    const seen = new Map<string, boolean>();
    for (const socket of this.nsp.sockets.values() as Iterable<LiveSocket>) {
      const token = socket.data?.sessionToken;
      if (!token) continue;
      let ok = seen.get(token);
      if (ok === undefined) {
        ok = !!(await this.sessions.resolve(token).catch(() => null));
        seen.set(token, ok);
      }
      if (!ok) socket.disconnect(true);
    }
  }

  /**
   * Announces who is present. After someone leaves, waits LIVE_LIMITS.presenceGraceMs first: a reload or a
   * reconnect within it does not make them flicker out; a closed tab makes them leave after it.
   */
  private presenceChanged(topic: string, left: boolean, known?: PresentMember[]): void {
    const parsed = parseLiveTopic(topic);
    const policy = parsed && this.topics.get(parsed.kind);
    if (!parsed || !policy?.presence) return;
    const announce = async () => {
      this.presenceTimers.delete(topic);
      const members = known ?? (await this.presenceNow(topic));
      const notice: PresenceNotice = { topic, members };
      this.nsp?.to(topic).emit(LIVE_EVENTS.presence, notice);
      try {
        await policy.onPresence?.(parsed.id, members);
      } catch (e) {
        this.logger.error(`presence hook for ${parsed.kind} failed: ${(e as Error).message}`);
      }
    };
    if (!left) {
      void announce();
      return;
    }
    if (this.presenceTimers.has(topic)) return;
    const timer = setTimeout(() => void announce().catch(() => undefined), LIVE_LIMITS.presenceGraceMs);
    timer.unref();
    this.presenceTimers.set(topic, timer);
  }

  /** For tests and metrics: sockets connected to this process. */
  localSockets(): number {
    return this.nsp?.sockets.size ?? 0;
  }
}
