import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { COLLAB_EVENTS, COLLAB_LIMITS, type CollabErrorCode, type MessageAck } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CollabMetrics } from '../collab.metrics.js';
import type { ResolvedDoc, StoredChange } from '../doc-access.registry.js';
import { decodeAwareness, decodeMessage, encodeAwareness, encodeAwarenessEntries, encodeSyncStep1, encodeSyncStep2, encodeUpdate, ProtocolError } from '../protocol/messages.js';
import { UpdateChecker } from '../protocol/update-checker.js';
import type { CollabSocket, JoinedDoc } from '../transport/socket-state.js';
import { CollabStore } from './collab-store.js';
import { GroupWriter } from './group-writer.js';
import { LiveDoc } from './live-doc.js';
import { VersionStore } from './version-store.js';

/** Server-to-server events through the socket.io Redis adapter (`serverSideEmit`). */
export const PEER_EVENTS = { update: 'peer:update', awareness: 'peer:awareness', reauth: 'peer:reauth', reauthDocs: 'peer:reauth-docs' } as const;

const RECOVERY_RETRY_MS = 2_000;

/**
 * Holds the documents in use, applies and stores updates (group commit before ack and broadcast), batches
 * broadcasts and awareness once per event-loop turn, shares them with other processes, compacts and unloads.
 */
@Injectable()
export class DocumentManager implements OnModuleDestroy {
  private readonly logger = new Logger('Collab');
  private readonly docs = new Map<string, LiveDoc>();
  private nsp: Namespace | null = null;
  private scaleOut = false;
  private closing = false;

  constructor(
    private readonly store: CollabStore,
    private readonly versions: VersionStore,
    private readonly writer: GroupWriter,
    private readonly checker: UpdateChecker,
    private readonly metrics: CollabMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  attach(nsp: Namespace, scaleOut: boolean): void {
    this.nsp = nsp;
    this.scaleOut = scaleOut;
    if (scaleOut) {
      // peer payloads travel base64-encoded: the adapter's request channel is JSON
      nsp.on(PEER_EVENTS.update, (name: string, update: string) => this.onPeerUpdate(name, update));
      nsp.on(PEER_EVENTS.awareness, (name: string, update: string) => this.onPeerAwareness(name, update));
    }
  }

  get loadedCount(): number {
    return this.docs.size;
  }

  isLoaded(name: string): boolean {
    return this.docs.has(name);
  }

  // ---------------------------------------------------------------- loading and unloading

  /** The loaded document, loading it if needed. The caller must `release` it. Rejects when the load failed. */
  async acquire(ref: ResolvedDoc): Promise<LiveDoc> {
    let live = this.docs.get(ref.name);
    if (!live) {
      live = new LiveDoc(ref);
      const l = live;
      this.watchAwareness(l);
      this.docs.set(ref.name, l);
      this.metrics.documents.set(this.docs.size);
      l.ready = this.load(l);
    }
    live.holds++;
    if (live.unloadTimer) {
      clearTimeout(live.unloadTimer);
      live.unloadTimer = null;
    }
    try {
      await live.ready;
      return live;
    } catch (e) {
      live.holds--;
      throw e;
    }
  }

  release(live: LiveDoc): void {
    live.holds--;
    this.scheduleUnload(live);
  }

  private async load(live: LiveDoc): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      const { snapshot } = await this.store.load(live.name, live.doc);
      live.pristineState = snapshot;
      for (const u of live.remoteBuffer) Y.applyUpdate(live.doc, u, 'remote');
      live.remoteBuffer = [];
      live.loaded = true;
      this.metrics.loadSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    } catch (e) {
      // never keep (or hand out) a half-loaded document: the next join loads again from the database
      this.logger.error(`load of ${live.name} failed: ${(e as Error).message}`);
      this.metrics.refused.inc({ reason: 'LOAD_FAILED' });
      if (this.docs.get(live.name) === live) this.docs.delete(live.name);
      this.metrics.documents.set(this.docs.size);
      live.destroy();
      throw e;
    }
  }

  private scheduleUnload(live: LiveDoc): void {
    if (live.holds > 0 || live.sockets.size > 0 || live.unloadTimer || this.closing) return;
    live.unloadTimer = setTimeout(() => {
      live.unloadTimer = null;
      void this.unload(live);
    }, this.config.collab.unloadDelayMs);
    live.unloadTimer.unref();
  }

  private idle(live: LiveDoc): boolean {
    return live.holds === 0 && live.sockets.size === 0 && !live.dirty && live.writesInFlight === 0;
  }

  /** Unloads an idle document: compacts it and keeps an automatic version of the session that just ended. */
  private async unload(live: LiveDoc): Promise<void> {
    if (!this.idle(live) || this.docs.get(live.name) !== live) return;
    try {
      if (live.storedSinceLoad > 0) await this.compact(live);
      if (live.changedSinceVersion) {
        live.changedSinceVersion = false;
        await this.versions.save(live.name, 'session-end', 'auto', null, Y.encodeStateAsUpdate(live.doc));
      }
    } catch (e) {
      this.logger.warn(`housekeeping of ${live.name} before unload failed: ${(e as Error).message}`);
    }
    // someone may have joined (or a write failed) while we were busy
    if (!this.idle(live) || this.docs.get(live.name) !== live) {
      if (live.dirty) this.scheduleRecovery(live);
      return;
    }
    this.docs.delete(live.name);
    this.metrics.documents.set(this.docs.size);
    live.destroy();
  }

  /**
   * Drops a document whose memory can no longer be trusted: its sockets are disconnected (clients reconnect, load
   * the stored state and re-send their own edits in the sync handshake). Nothing stored is touched.
   */
  private reset(live: LiveDoc): void {
    if (this.docs.get(live.name) !== live) return;
    // unsaved edits (after a failed write) are not written from this state: their senders were told SAVE_FAILED
    // and re-send them when they reconnect
    this.docs.delete(live.name);
    this.metrics.documents.set(this.docs.size);
    for (const s of [...live.sockets]) s.disconnect(true);
    live.sockets.clear();
    live.destroy();
  }

  private async compact(live: LiveDoc): Promise<void> {
    if (live.compacting) return;
    live.compacting = true;
    const before = live.storedSinceCompaction;
    try {
      const result = await this.store.compact(live.name);
      live.storedSinceCompaction = Math.max(0, live.storedSinceCompaction - before);
      if (result) this.metrics.compactions.inc();
    } catch (e) {
      this.logger.warn(`compaction of ${live.name} failed: ${(e as Error).message}`);
    } finally {
      live.compacting = false;
    }
  }

  // ---------------------------------------------------------------- sockets

  /** Adds a socket to a loaded document and sends it the server's state vector and the room's presence. */
  attachSocket(live: LiveDoc, socket: CollabSocket): void {
    live.sockets.add(socket);
    void socket.join(live.name);
    socket.emit(COLLAB_EVENTS.message, live.name, encodeSyncStep1(Y.encodeStateVector(live.doc)));
    const states = live.awareness.getStates();
    if (states.size > 0) socket.emit(COLLAB_EVENTS.message, live.name, encodeAwareness(encodeAwarenessUpdate(live.awareness, [...states.keys()])));
  }

  detachSocket(name: string, socket: CollabSocket, joined: JoinedDoc): void {
    const live = this.docs.get(name);
    void socket.leave(name);
    if (!live) return;
    live.sockets.delete(socket);
    if (joined.awarenessIds.size > 0) removeAwarenessStates(live.awareness, [...joined.awarenessIds], 'leave');
    this.scheduleUnload(live);
  }

  /** Handles one `msg` from a socket that has joined the document. Always answers through `ack` when given. */
  async handleMessage(socket: CollabSocket, name: string, joined: JoinedDoc, bytes: Uint8Array, ack: (r: MessageAck) => void): Promise<void> {
    const live = this.docs.get(name);
    if (!live?.loaded) return this.refuse(socket, name, 'NOT_JOINED', ack);
    let msg;
    try {
      msg = decodeMessage(bytes);
    } catch (e) {
      return this.refuse(socket, name, (e as ProtocolError).code, ack);
    }
    switch (msg.kind) {
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          // an empty state vector (one zero byte) asks for everything: the untouched snapshot is exactly that
          const empty = msg.stateVector.length === 1 && msg.stateVector[0] === 0;
          diff = empty && live.pristineState ? live.pristineState : Y.encodeStateAsUpdate(live.doc, msg.stateVector);
        } catch {
          return this.refuse(socket, name, 'MALFORMED_MESSAGE', ack);
        }
        socket.emit(COLLAB_EVENTS.message, name, encodeSyncStep2(diff));
        return ack({ ok: true });
      }
      case 'sync-step2':
      case 'update':
        return this.receiveUpdate(live, socket, joined, msg.update, msg.kind === 'sync-step2', ack);
      case 'awareness':
        return this.receiveAwareness(live, socket, joined, msg.update, ack);
    }
  }

  private async receiveUpdate(live: LiveDoc, socket: CollabSocket, joined: JoinedDoc, update: Uint8Array, isStep2: boolean, ack: (r: MessageAck) => void): Promise<void> {
    const userId = socket.data.user.id;
    const owns = (client: number) => {
      const owner = live.clientOwners.get(client);
      if (owner === undefined) live.clientOwners.set(client, userId);
      return owner === undefined || owner === userId;
    };
    const check = await this.checker.check(live.doc, update, live.ref.roots, joined.access === 'write' ? owns : undefined);
    if (!check.ok) return this.refuse(socket, live.name, check.code, ack);
    if (check.empty) {
      if (!isStep2) return this.refuse(socket, live.name, 'EMPTY_UPDATE', ack);
      return live.dirty ? ack({ ok: false, code: 'SAVE_FAILED' }) : ack({ ok: true });
    }
    if (joined.access !== 'write') return this.refuse(socket, live.name, 'READ_ONLY', ack);
    const rule = live.ref.policy.validate;
    if (rule) {
      let verdict: CollabErrorCode | null;
      try {
        verdict = rule(live.doc, update, { userId, context: joined.context });
      } catch {
        verdict = 'SCHEMA_REJECTED';
      }
      if (verdict) return this.refuse(socket, live.name, verdict, ack);
    }
    // the socket may have been revoked or left while the check ran
    if (!live.sockets.has(socket) || socket.data.docs.get(live.name) !== joined || joined.access !== 'write') {
      return this.refuse(socket, live.name, 'NOT_JOINED', ack);
    }
    live.changed = false;
    let applied = true;
    try {
      Y.applyUpdate(live.doc, update, socket.id);
    } catch {
      applied = false;
    }
    if (!applied || live.doc.store.pendingStructs || live.doc.store.pendingDs) {
      // the check should make this impossible; if it ever happens, the half-applied state must not live on
      this.logger.error(`an update could not be applied cleanly to ${live.name}; reloading it from the database`);
      this.refuse(socket, live.name, 'MALFORMED_MESSAGE', ack);
      this.reset(live);
      return;
    }
    if (!live.changed) {
      // everything in it was already there; but while a write is failing, "there" is not "stored"
      return live.dirty ? ack({ ok: false, code: 'SAVE_FAILED' }) : ack({ ok: true });
    }
    const change = live.lastChange;
    live.lastChange = null;
    // not awaited: the socket's next message may be checked and applied while this one is being stored
    // (the group writer keeps the order); the ack and the broadcast still wait for the commit
    void this.persist(live, update, socket.data.user.id, socket.id, ack).then((stored) => {
      if (stored && change) this.notifyStored(live, { doc: live.doc, userId, context: joined.context, changed: change });
    });
  }

  /** Tells the document's type what a stored update changed (see `DocAccessPolicy.onStored`). */
  private notifyStored(live: LiveDoc, change: StoredChange): void {
    const hook = live.ref.policy.onStored;
    if (!hook) return;
    Promise.resolve()
      .then(() => hook.call(live.ref.policy, live.ref.id, change))
      .catch((e: unknown) => this.logger.warn(`onStored of ${live.ref.policy.type} failed: ${(e as Error).message}`));
  }

  /** Stores an applied update, then acknowledges and broadcasts it. */
  private async persist(live: LiveDoc, update: Uint8Array, userId: string | null, senderId: string | null, ack?: (r: MessageAck) => void): Promise<boolean> {
    live.writesInFlight++;
    try {
      await this.writer.write({ doc: live.name, data: update, userId });
    } catch {
      live.dirty = true;
      live.unsaved.push(update);
      this.scheduleRecovery(live);
      ack?.({ ok: false, code: 'SAVE_FAILED' });
      return false;
    } finally {
      live.writesInFlight--;
    }
    this.metrics.updates.inc();
    live.storedSinceCompaction++;
    live.storedSinceLoad++;
    live.changedSinceVersion = true;
    ack?.({ ok: true });
    this.queueBroadcast(live, { update, senderId, remote: false });
    if (live.storedSinceCompaction >= COLLAB_LIMITS.compactAfterUpdates) void this.compact(live);
    return true;
  }

  /**
   * After a failed write, the whole in-memory state is written again as one update until it succeeds; then the
   * edits that were held back are broadcast and the room is asked to re-sync, so senders see "saved".
   */
  private scheduleRecovery(live: LiveDoc): void {
    const timer = setTimeout(async () => {
      if (!live.dirty || this.docs.get(live.name) !== live) return;
      try {
        await this.writer.write({ doc: live.name, data: Y.encodeStateAsUpdate(live.doc), userId: null });
      } catch {
        return this.scheduleRecovery(live);
      }
      live.dirty = false;
      const held = live.unsaved.splice(0);
      if (held.length > 0) this.queueBroadcast(live, { update: Y.mergeUpdates(held), senderId: null, remote: false });
      this.nsp?.local.to(live.name).emit(COLLAB_EVENTS.message, live.name, encodeSyncStep1(Y.encodeStateVector(live.doc)));
      this.scheduleUnload(live);
    }, RECOVERY_RETRY_MS);
    timer.unref();
  }

  private receiveAwareness(live: LiveDoc, socket: CollabSocket, joined: JoinedDoc, update: Uint8Array, ack: (r: MessageAck) => void): void {
    if (!joined.awarenessBucket.take()) return this.refuse(socket, live.name, 'RATE_LIMITED', ack);
    let entries;
    try {
      entries = decodeAwareness(update, COLLAB_LIMITS.maxAwarenessStateBytes, 2);
    } catch (e) {
      return this.refuse(socket, live.name, (e as ProtocolError).code, ack);
    }
    for (const entry of entries) {
      if (!joined.awarenessIds.has(entry.clientId)) {
        const takenByOther = [...live.sockets].some((s) => s !== socket && s.data.docs.get(live.name)?.awarenessIds.has(entry.clientId));
        if (joined.awarenessIds.size >= 2 || takenByOther) return this.refuse(socket, live.name, 'AWARENESS_REJECTED', ack);
        joined.awarenessIds.add(entry.clientId);
      }
      // identity is the server's to say, never the client's
      if (entry.state) entry.state.user = { ...socket.data.collabUser };
    }
    applyAwarenessUpdate(live.awareness, encodeAwarenessEntries(entries), socket.id);
    this.collectAwareness(live);
    ack({ ok: true });
  }

  private refuse(socket: CollabSocket, name: string | null, code: CollabErrorCode, ack?: (r: MessageAck) => void): void {
    this.metrics.refused.inc({ reason: code });
    ack?.({ ok: false, code });
    if (code === 'RATE_LIMITED') {
      const now = Date.now();
      if (now - socket.data.lastRateNotice < 1000) return;
      socket.data.lastRateNotice = now;
    }
    socket.emit(COLLAB_EVENTS.error, { doc: name, code });
  }

  refuseMessage(socket: CollabSocket, name: string | null, code: CollabErrorCode, ack?: (r: MessageAck) => void): void {
    this.refuse(socket, name, code, ack);
  }

  // ---------------------------------------------------------------- server-side changes (versions, features)

  /**
   * Makes a change on the server (restore a version, a feature's own edit) through the same path as a user's:
   * applied to the live document, stored before it is broadcast.
   */
  async change(ref: ResolvedDoc, userId: string | null, fn: (doc: Y.Doc) => void): Promise<void> {
    const live = await this.acquire(ref);
    try {
      const before = Y.encodeStateVector(live.doc);
      live.changed = false;
      live.doc.transact(() => fn(live.doc), 'server');
      if (!live.changed) return;
      const update = Y.encodeStateAsUpdate(live.doc, before);
      const stored = await this.persist(live, update, userId, null);
      if (!stored) throw new AppError('DATABASE_UNAVAILABLE', 'The change could not be stored');
    } finally {
      this.release(live);
    }
  }

  /**
   * Drops a document's past: merges its stored log into the snapshot now (deleted content is not kept: Yjs garbage-
   * collects it) and deletes its versions, then saves the present as the first (named) version. For a feature whose earlier
   * states must not outlive a change of audience (a reflection's draft, with real details, when it is shared).
   */
  async forgetHistory(ref: ResolvedDoc, userId: string | null, versionName: string): Promise<void> {
    const live = await this.acquire(ref);
    try {
      while (live.compacting || live.writesInFlight > 0) await new Promise((r) => setTimeout(r, 5));
      await this.compact(live);
      if ((await this.store.countUpdates(live.name)) > 0) throw new AppError('DATABASE_UNAVAILABLE', 'The history could not be merged');
      await this.versions.purge(live.name);
      // named, under the name of the person whose action started the new history (not "end of a session")
      await this.versions.save(live.name, versionName, 'manual', userId, Y.encodeStateAsUpdate(live.doc));
    } finally {
      this.release(live);
    }
  }

  /** The current state of a document (loaded for the occasion if needed). */
  async snapshot(ref: ResolvedDoc): Promise<Uint8Array> {
    const live = await this.acquire(ref);
    try {
      return Y.encodeStateAsUpdate(live.doc);
    } finally {
      this.release(live);
    }
  }

  // ---------------------------------------------------------------- batched broadcast

  private queueBroadcast(live: LiveDoc, out: { update: Uint8Array; senderId: string | null; remote: boolean }): void {
    live.outgoing.push(out);
    this.scheduleFlush(live);
  }

  private collectAwareness(live: LiveDoc): void {
    this.scheduleFlush(live);
  }

  private scheduleFlush(live: LiveDoc): void {
    if (live.flushScheduled) return;
    live.flushScheduled = true;
    setImmediate(() => this.flush(live));
  }

  /** Once per event-loop turn and document: one merged update and one awareness message, each encoded once. */
  private flush(live: LiveDoc): void {
    live.flushScheduled = false;
    const nsp = this.nsp;
    if (!nsp) return;
    const out = live.outgoing.splice(0);
    if (out.length > 0) {
      const merged = out.length === 1 ? out[0]!.update : Y.mergeUpdates(out.map((o) => o.update));
      const senders = new Set(out.map((o) => o.senderId));
      const onlySender = senders.size === 1 ? [...senders][0] : null;
      const room = nsp.local.to(live.name);
      (onlySender ? room.except(onlySender) : room).emit(COLLAB_EVENTS.message, live.name, encodeUpdate(merged));
      this.metrics.broadcasts.inc();
      const mine = out.filter((o) => !o.remote);
      if (this.scaleOut && mine.length > 0) {
        const toPeers = mine.length === out.length ? merged : Y.mergeUpdates(mine.map((o) => o.update));
        nsp.serverSideEmit(PEER_EVENTS.update, live.name, Buffer.from(toPeers).toString('base64'));
      }
    }
    if (live.awarenessLocal.size + live.awarenessRemote.size > 0) {
      const all = [...new Set([...live.awarenessLocal, ...live.awarenessRemote])];
      nsp.local.to(live.name).emit(COLLAB_EVENTS.message, live.name, encodeAwareness(encodeAwarenessUpdate(live.awareness, all)));
      if (this.scaleOut && live.awarenessLocal.size > 0) {
        nsp.serverSideEmit(PEER_EVENTS.awareness, live.name, Buffer.from(encodeAwarenessUpdate(live.awareness, [...live.awarenessLocal])).toString('base64'));
      }
      live.awarenessLocal.clear();
      live.awarenessRemote.clear();
    }
  }

  /** Registers the awareness listener that feeds the batches (called once per LiveDoc). */
  watchAwareness(live: LiveDoc): void {
    live.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const target = origin === 'remote' ? live.awarenessRemote : live.awarenessLocal;
      for (const id of [...added, ...updated, ...removed]) target.add(id);
      this.scheduleFlush(live);
    });
  }

  private onPeerUpdate(name: string, update: string): void {
    const live = this.docs.get(name);
    if (!live || typeof update !== 'string') return; // not loaded here: the database already has it
    const bytes = new Uint8Array(Buffer.from(update, 'base64'));
    if (!live.loaded) {
      live.remoteBuffer.push(bytes);
      return;
    }
    try {
      live.changed = false;
      Y.applyUpdate(live.doc, bytes, 'remote');
    } catch (e) {
      this.logger.warn(`peer update for ${name} could not be applied: ${(e as Error).message}`);
      return;
    }
    if (live.changed) this.queueBroadcast(live, { update: bytes, senderId: null, remote: true });
  }

  private onPeerAwareness(name: string, update: string): void {
    const live = this.docs.get(name);
    if (!live?.loaded || typeof update !== 'string') return;
    try {
      applyAwarenessUpdate(live.awareness, new Uint8Array(Buffer.from(update, 'base64')), 'remote');
    } catch {
      /* a peer's malformed awareness is dropped */
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.writer.drain();
    for (const live of this.docs.values()) live.destroy();
    this.docs.clear();
  }
}
