import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { COLLAB_EVENTS, COLLAB_LIMITS, type CollabErrorCode, type JoinResult, type MessageAck } from '@relab/shared';
import { DomainEventBus } from '../common/events/domain-events.js';
import type { AuthContext } from '../common/auth/auth.types.js';
import { SessionsService } from '../modules/identity/sessions.service.js';
import { SocketAuth } from '../modules/identity/socket-auth.js';
import { CollabMetrics } from './collab.metrics.js';
import { DocAccessRegistry } from './doc-access.registry.js';
import { DocumentManager, PEER_EVENTS } from './documents/document-manager.js';
import { colorFor, newJoinedDoc, newSocketData, type CollabSocket } from './transport/socket-state.js';

const SESSION_RECHECK_MS = 60_000;

/**
 * Who may do what on /collab: authenticates handshakes (session cookie + Origin), authorises joins through the
 * DocAccessRegistry, rate-limits, and re-authorises open sockets when access changes anywhere in the cluster.
 */
@Injectable()
export class CollabService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Collab');
  private readonly byUser = new Map<string, Set<CollabSocket>>();
  private nsp: Namespace | null = null;
  private scaleOut = false;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly docs: DocumentManager,
    private readonly registry: DocAccessRegistry,
    private readonly sessions: SessionsService,
    private readonly events: DomainEventBus,
    private readonly metrics: CollabMetrics,
    private readonly socketAuth: SocketAuth,
  ) {}

  onModuleInit(): void {
    // access can change while a document is open: re-check the sockets of the person concerned, at once
    this.events.on('member.removed', (e) => this.reauthorize(e.userId));
    this.events.on('member.role_changed', (e) => this.reauthorize(e.userId));
    this.events.on('account.disabled', (e) => this.reauthorize(e.userId));
    this.events.on('auth.logout', (e) => (e.actorId ? this.reauthorize(e.actorId) : undefined));
    // a feature changed who may open some documents (e.g. a reflection was shared or sent back)
    this.events.on('doc.access_changed', (e) => this.reauthorizeDocs(e.docs));
    this.sweep = setInterval(() => void this.recheckSessions(), SESSION_RECHECK_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  attach(nsp: Namespace, scaleOut: boolean): void {
    this.nsp = nsp;
    this.scaleOut = scaleOut;
    this.docs.attach(nsp, scaleOut);
    if (scaleOut) {
      nsp.on(PEER_EVENTS.reauth, (userId: string) => void this.reauthorizeLocal(userId));
      nsp.on(PEER_EVENTS.reauthDocs, (docs: unknown) => {
        if (Array.isArray(docs)) void this.reauthorizeDocsLocal(docs.filter((d): d is string => typeof d === 'string'));
      });
    }
  }

  /** Handshake: same-origin (when the client says where it comes from) and a live session. Returns an error code or null. */
  async authenticate(socket: CollabSocket): Promise<CollabErrorCode | null> {
    const found = await this.socketAuth.resolve(socket.handshake);
    if (!found) return 'UNAUTHENTICATED';
    const { user } = found.auth;
    socket.data = newSocketData(user, { id: user.id, name: user.displayName, color: colorFor(user.id) }, found.token);
    return null;
  }

  connected(socket: CollabSocket): void {
    if (!socket.data?.user) {
      socket.disconnect(true);
      return;
    }
    let set = this.byUser.get(socket.data.user.id);
    if (!set) this.byUser.set(socket.data.user.id, (set = new Set()));
    set.add(socket);
    this.metrics.sockets.inc();
  }

  disconnected(socket: CollabSocket): void {
    if (!socket.data?.user) return;
    for (const [name, joined] of socket.data.docs) this.docs.detachSocket(name, socket, joined);
    socket.data.docs.clear();
    const set = this.byUser.get(socket.data.user.id);
    set?.delete(socket);
    if (set?.size === 0) this.byUser.delete(socket.data.user.id);
    this.metrics.sockets.dec();
  }

  async join(socket: CollabSocket, name: unknown, ack: (r: JoinResult) => void): Promise<void> {
    const docName = typeof name === 'string' ? name : '';
    const fail = (code: CollabErrorCode) => {
      this.metrics.refused.inc({ reason: code });
      ack({ ok: false, doc: docName, code });
    };
    if (!socket.data.bucket.take()) return fail('RATE_LIMITED');
    const ref = this.registry.resolve(name);
    if (!ref) return fail(typeof name === 'string' && name.length < 200 && name.includes(':') ? 'DOC_NOT_FOUND' : 'BAD_DOC_NAME');
    const existing = socket.data.docs.get(ref.name);
    if (existing) return ack({ ok: true, doc: ref.name, access: existing.access, user: socket.data.collabUser });
    if (socket.data.docs.size >= COLLAB_LIMITS.maxDocsPerSocket) return fail('TOO_MANY_DOCS');
    const access = await this.registry.accessOf(socket.data.user, ref);
    if (access === 'none') return fail('DOC_NOT_FOUND');
    let live;
    try {
      live = await this.docs.acquire(ref);
    } catch {
      return fail('LOAD_FAILED');
    }
    try {
      if (!socket.connected || socket.data.docs.has(ref.name)) return fail('NOT_JOINED');
      if (ref.policy.onJoin) {
        try {
          await ref.policy.onJoin(socket.data.user, ref.id, access);
        } catch {
          // an opening that cannot be audited does not happen
          return fail('LOAD_FAILED');
        }
        if (!socket.connected || socket.data.docs.has(ref.name)) return fail('NOT_JOINED');
      }
      let context: unknown;
      try {
        context = ref.policy.context ? await ref.policy.context(socket.data.user, ref.id) : undefined;
      } catch {
        return fail('LOAD_FAILED');
      }
      if (!socket.connected || socket.data.docs.has(ref.name)) return fail('NOT_JOINED');
      const joined = newJoinedDoc(access, context);
      socket.data.docs.set(ref.name, joined);
      ack({ ok: true, doc: ref.name, access, user: socket.data.collabUser });
      this.docs.attachSocket(live, socket);
    } finally {
      this.docs.release(live);
    }
  }

  leave(socket: CollabSocket, name: unknown, ack: (r: MessageAck) => void): void {
    const joined = typeof name === 'string' ? socket.data.docs.get(name) : undefined;
    if (!joined) return this.docs.refuseMessage(socket, typeof name === 'string' ? name.slice(0, 200) : null, 'NOT_JOINED', ack);
    socket.data.docs.delete(name as string);
    this.docs.detachSocket(name as string, socket, joined);
    ack({ ok: true });
  }

  async message(socket: CollabSocket, name: unknown, bytes: unknown, ack: (r: MessageAck) => void): Promise<void> {
    if (!socket.data.bucket.take()) return this.docs.refuseMessage(socket, null, 'RATE_LIMITED', ack);
    const joined = typeof name === 'string' ? socket.data.docs.get(name) : undefined;
    if (!joined) return this.docs.refuseMessage(socket, typeof name === 'string' ? name.slice(0, 200) : null, 'NOT_JOINED', ack);
    const view = asBytes(bytes);
    if (!view) return this.docs.refuseMessage(socket, name as string, 'MALFORMED_MESSAGE', ack);
    if (view.byteLength > COLLAB_LIMITS.maxMessageBytes) return this.docs.refuseMessage(socket, name as string, 'MESSAGE_TOO_LARGE', ack);
    const run = async () => {
      try {
        await this.docs.handleMessage(socket, name as string, joined, view, ack);
      } catch (e) {
        // defensive: nothing a client sends may take the server down
        this.logger.error(`unexpected error handling a message: ${(e as Error).message}`);
        this.docs.refuseMessage(socket, name as string, 'MALFORMED_MESSAGE', ack);
      }
    };
    // in order per socket: an update may depend on the one before it, still being checked
    socket.data.queue = socket.data.queue.then(run);
    await socket.data.queue;
  }

  /** Re-checks a user's sockets here and, with Redis, in every other process. */
  async reauthorize(userId: string): Promise<void> {
    if (this.scaleOut) this.nsp?.serverSideEmit(PEER_EVENTS.reauth, userId);
    await this.reauthorizeLocal(userId);
  }

  /** Re-checks every socket (here and, with Redis, elsewhere) that has one of these documents open. */
  async reauthorizeDocs(docs: string[]): Promise<void> {
    if (docs.length === 0) return;
    if (this.scaleOut) this.nsp?.serverSideEmit(PEER_EVENTS.reauthDocs, docs);
    await this.reauthorizeDocsLocal(docs);
  }

  private async reauthorizeDocsLocal(docs: string[]): Promise<void> {
    const wanted = new Set(docs);
    const resolved = new Map<string, Promise<AuthContext | null>>();
    const affected: CollabSocket[] = [];
    for (const set of this.byUser.values()) {
      for (const s of set) if ([...s.data.docs.keys()].some((d) => wanted.has(d))) affected.push(s);
    }
    await Promise.all(affected.map((s) => this.recheck(s, resolved)));
  }

  private async reauthorizeLocal(userId: string): Promise<void> {
    const sockets = [...(this.byUser.get(userId) ?? [])];
    const resolved = new Map<string, Promise<AuthContext | null>>();
    await Promise.all(sockets.map((s) => this.recheck(s, resolved)));
  }

  /** Drops documents the socket may no longer open, downgrades write to read, ends the socket if its session ended. */
  private async recheck(socket: CollabSocket, resolved?: Map<string, Promise<AuthContext | null>>): Promise<void> {
    // sockets sharing a session (tabs, reconnects) resolve it once per sweep
    let pending = resolved?.get(socket.data.sessionToken);
    if (!pending) {
      pending = this.sessions.resolve(socket.data.sessionToken).catch(() => null);
      resolved?.set(socket.data.sessionToken, pending);
    }
    const auth = await pending;
    if (!auth) {
      for (const doc of socket.data.docs.keys()) socket.emit(COLLAB_EVENTS.access, { doc, access: 'none' });
      socket.emit(COLLAB_EVENTS.error, { doc: null, code: 'ACCESS_REVOKED' });
      socket.disconnect(true);
      return;
    }
    socket.data.user = auth.user;
    for (const [name, joined] of [...socket.data.docs]) {
      const ref = this.registry.resolve(name);
      const access = ref ? await this.registry.accessOf(auth.user, ref) : 'none';
      if (access !== 'none' && ref?.policy.context) {
        // e.g. a role change that keeps write access but not the right to lock
        joined.context = await ref.policy.context(auth.user, ref.id).catch(() => undefined);
      }
      if (access === joined.access) continue;
      if (access === 'none') {
        socket.data.docs.delete(name);
        this.docs.detachSocket(name, socket, joined);
        socket.emit(COLLAB_EVENTS.access, { doc: name, access: 'none' });
        socket.emit(COLLAB_EVENTS.error, { doc: name, code: 'ACCESS_REVOKED' });
      } else {
        joined.access = access;
        socket.emit(COLLAB_EVENTS.access, { doc: name, access });
      }
    }
  }

  private async recheckSessions(): Promise<void> {
    const resolved = new Map<string, Promise<AuthContext | null>>();
    for (const set of this.byUser.values()) for (const s of set) await this.recheck(s, resolved);
  }
}

/** Binary payloads arrive as ArrayBuffer (msgpack) or a typed array; anything else is not a protocol message. */
function asBytes(value: unknown): Uint8Array | null {
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return new Uint8Array(value as ArrayBuffer);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}
