/**
 * Binds a Y.Doc to a document room of the server over the shared `/collab` connection.
 *
 * Handshake after each join: the server sends its sync step 1; a writer answers with a step 2 (everything the server
 * lacks, acknowledged once stored) and every client sends its own step 1; the server's step 2 makes the doc
 * "synced". Local updates then go out merged per tick, each acknowledged once stored in PostgreSQL. Edits made
 * offline stay in the doc (and in IndexedDB) and travel with the step 2 of the next handshake.
 */
import {
  COLLAB_ERROR_CODES,
  COLLAB_EVENTS,
  COLLAB_LIMITS,
  Y_SYNC,
  type CollabErrorCode,
  type CollabStatus,
  type CollabUser,
  type DocAccess,
  type JoinResult,
  type MessageAck,
} from '@relab/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { CollabConnection, type CollabConnectionOptions, type ConnectionMember } from './CollabConnection.js';
import { hasIndexedDb, openLocalCopy } from './localCopy.js';
import { applySyncMessage, decodeMessage, encodeAwareness, encodeSyncStep1, encodeUpdate, toBytes, toWire } from './messages.js';
import { canSendUpdates, deriveStatus, initialProviderState, reduceProviderState, type ProviderEvent, type ProviderState } from './status.js';
import { Throttle, UpdateBatcher, backoffDelay } from './timing.js';

export interface CollabProviderOptions extends CollabConnectionOptions {
  /** The connection to use; by default the page's shared one (per url and headers). */
  connection?: CollabConnection;
  /** Keep a copy on this device (IndexedDB). Default: true where IndexedDB exists. */
  persistence?: boolean;
  /** The logged-in user's id when known in advance: the local copy is then loaded before the server answers. */
  userId?: string;
}

/** Errors the provider reports: the protocol's codes, or a refused connection's message. */
export type CollabProviderError = CollabErrorCode | string;

type Events = {
  status: (status: CollabStatus) => void;
  synced: (synced: boolean) => void;
  error: (code: CollabProviderError) => void;
  /** Any change of status, synced, access, user or error (for UI bindings). */
  change: () => void;
};

/** Awareness updates are sent at most this often (the server accepts 15 per second per document). */
const AWARENESS_INTERVAL_MS = 100;
/** A failed join of these kinds is tried again later on the same connection. */
const RETRIED_JOIN_CODES: ReadonlySet<string> = new Set(['LOAD_FAILED', 'TOO_MANY_DOCS', 'RATE_LIMITED']);
/**
 * A refused update of these kinds is sent again through a new handshake (the edit is still in the local doc).
 * Not SAVE_FAILED: the server then holds the edit in memory, keeps writing it, and asks the room for a new sync
 * (a step 1) once it is stored; the answer to that step 1 clears the error.
 */
const RESYNC_ACK_CODES: ReadonlySet<string> = new Set(['MISSING_DEPENDENCIES', 'RATE_LIMITED', 'NOT_JOINED']);
/** Leaves room for the framing and the document name in one socket.io message. */
const MAX_PAYLOAD_BYTES = COLLAB_LIMITS.maxMessageBytes - 1024;

export class CollabProvider implements ConnectionMember {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connection: CollabConnection;
  /** The user as the server knows them (from the join answer); null before the first join. */
  user: CollabUser | null = null;
  /** The last error reported by the server or the connection; null when none. */
  error: CollabProviderError | null = null;

  private state: ProviderState = initialProviderState;
  private epoch = 0;
  private incoming: unknown[] = [];
  private readonly batcher: UpdateBatcher;
  private readonly awarenessThrottle: Throttle;
  private persistence: IndexeddbPersistence | null = null;
  private readonly persistenceWanted: boolean;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  private destroyed = false;
  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();

  constructor(
    readonly docName: string,
    readonly doc: Y.Doc,
    options: CollabProviderOptions = {},
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.batcher = new UpdateBatcher((merged) => this.sendUpdate(merged));
    this.awarenessThrottle = new Throttle(() => this.sendAwareness(), AWARENESS_INTERVAL_MS);
    this.persistenceWanted = (options.persistence ?? true) && hasIndexedDb();
    if (this.persistenceWanted && options.userId) this.persistence = openLocalCopy(options.userId, docName, doc);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.connection = options.connection ?? CollabConnection.shared(options);
    this.connection.add(this);
  }

  get status(): CollabStatus {
    return deriveStatus(this.state);
  }

  get synced(): boolean {
    return this.state.synced;
  }

  get access(): DocAccess | null {
    return this.state.access;
  }

  /** Why the status is 'error' (a refused join, a revoked access, an unsaved change); null otherwise. */
  get failure(): CollabErrorCode | null {
    return this.state.failure;
  }

  /** Resolves once the local copy (if any) has been loaded into the doc. */
  whenLocalLoaded(): Promise<void> {
    return this.persistence ? this.persistence.whenSynced.then(() => undefined) : Promise.resolve();
  }

  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): void {
    this.listeners.get(event)?.delete(listener);
  }

  /** Deletes this document's copy on this device (the doc in memory stays). */
  async clearLocal(): Promise<void> {
    const persistence = this.persistence;
    this.persistence = null;
    await persistence?.clearData();
  }

  /** Leaves the room, withdraws this client's presence and stops listening. The doc itself is left to its owner. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.batcher.flushNow();
    this.batcher.clear();
    this.awarenessThrottle.cancel();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    if (this.state.phase === 'joined' && this.connection.connected) {
      // Tell the others at once that this caret is gone, rather than letting it time out.
      awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], this);
      this.emitMessage(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    }
    this.connection.remove(this);
    this.awareness.destroy();
    void this.persistence?.destroy();
    this.listeners.clear();
  }

  // ---- ConnectionMember -------------------------------------------------------------------------------------------

  onConnect(): void {
    this.dispatch({ type: 'connected' });
    void this.join();
  }

  onDisconnect(): void {
    this.dispatch({ type: 'disconnected' });
    this.afterLeavingRoom();
  }

  onConnectError(code: string | null): void {
    if (code) {
      // The server refused the connection itself (no valid session): socket.io will not retry.
      const known = (COLLAB_ERROR_CODES as readonly string[]).includes(code) ? (code as CollabErrorCode) : 'UNAUTHENTICATED';
      this.dispatch({ type: 'join-refused', code: known });
      this.setError(known);
    }
    this.dispatch({ type: 'disconnected' });
  }

  onMessage(data: unknown): void {
    if (this.destroyed) return;
    if (this.state.phase === 'joining') {
      // The server may send its step 1 before our join is acknowledged: keep it until we know our access.
      this.incoming.push(data);
      return;
    }
    if (this.state.phase === 'joined') this.handleMessage(data);
  }

  onCollabError(code: CollabErrorCode): void {
    // Nothing to store is not a problem worth showing.
    if (code === 'EMPTY_UPDATE') return;
    this.setError(code);
    if (code === 'ACCESS_REVOKED') this.onAccessChanged('none');
    else if (code === 'NOT_JOINED' && this.state.phase === 'joined') this.scheduleResync();
  }

  onAccessChanged(access: DocAccess): void {
    const before = this.state;
    this.dispatch({ type: 'access', access });
    if (access === 'none') {
      this.setError('ACCESS_REVOKED');
      this.afterLeavingRoom();
    } else if (access === 'read') {
      this.batcher.clear();
    } else if (before.access === 'read' && before.phase === 'joined') {
      // Now a writer: a new handshake sends what this client has and the server lacks.
      this.scheduleResync(0);
    }
  }

  // ---- joining and the handshake ----------------------------------------------------------------------------------

  private async join(): Promise<void> {
    if (this.destroyed || this.state.access === 'none') return;
    const epoch = ++this.epoch;
    this.incoming = [];
    this.dispatch({ type: 'join-sent' });
    await this.connection.whenLeft(this.docName);
    if (epoch !== this.epoch || this.destroyed) return;
    this.connection.socket.emit(COLLAB_EVENTS.join, this.docName, (result: JoinResult) => this.onJoined(epoch, result));
  }

  private onJoined(epoch: number, result: JoinResult): void {
    if (epoch !== this.epoch || this.destroyed) return;
    if (!result?.ok) {
      const code = result?.code ?? 'MALFORMED_MESSAGE';
      this.incoming = [];
      this.dispatch({ type: 'join-refused', code });
      this.setError(code);
      if (RETRIED_JOIN_CODES.has(code)) this.scheduleRejoin();
      return;
    }
    this.user = result.user;
    if (this.persistenceWanted && !this.persistence) this.persistence = openLocalCopy(result.user.id, this.docName, this.doc);
    this.dispatch({ type: 'joined', access: result.access });
    const early = this.incoming;
    this.incoming = [];
    early.forEach((data) => this.handleMessage(data));
    this.emitMessage(encodeSyncStep1(this.doc));
  }

  private handleMessage(data: unknown): void {
    const bytes = toBytes(data);
    if (!bytes) return;
    let message;
    try {
      message = decodeMessage(bytes);
    } catch {
      return;
    }
    if (message.kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, this);
      return;
    }
    if (message.kind !== 'sync') return;
    if (message.syncType === Y_SYNC.step1) {
      if (this.state.access !== 'write') return;
      // Everything queued so far is in this step 2.
      this.batcher.clear();
      this.dispatch({ type: 'dropped' });
      const answer = applySyncMessage(this.doc, message, this);
      if (answer) this.sendWithAck(answer, true);
      this.dispatch({ type: 'answered' });
      return;
    }
    try {
      applySyncMessage(this.doc, message, this);
    } catch (error) {
      console.warn('[collab] could not apply an update from the server', error);
      return;
    }
    if (message.syncType === Y_SYNC.step2 && !this.state.synced) {
      this.dispatch({ type: 'synced' });
      if (this.awareness.getLocalState() !== null) this.awarenessThrottle.call();
    }
  }

  /** Leave and join again: a fresh handshake re-sends whatever the server has not stored. */
  private async resync(): Promise<void> {
    if (this.destroyed || this.state.access === 'none' || !this.connection.connected) return;
    this.epoch++;
    this.dispatch({ type: 'join-sent' });
    this.afterLeavingRoom();
    await this.connection.leave(this.docName);
    await this.join();
  }

  private scheduleResync(delayMs = backoffDelay(this.retryAttempt++)): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.resync();
    }, delayMs);
  }

  private scheduleRejoin(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.connection.connected && this.state.phase === 'idle') void this.join();
    }, backoffDelay(this.retryAttempt++));
  }

  /** The room is left (or the connection lost): pending sends are void and the others' presence is unknown. */
  private afterLeavingRoom(): void {
    this.incoming = [];
    this.batcher.clear();
    this.awarenessThrottle.cancel();
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  // ---- sending ----------------------------------------------------------------------------------------------------

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || !canSendUpdates(this.state)) return;
    this.batcher.add(update);
    if (!this.state.queued) this.dispatch({ type: 'queued' });
  };

  private sendUpdate(merged: Uint8Array): void {
    if (!canSendUpdates(this.state)) {
      this.dispatch({ type: 'dropped' });
      return;
    }
    this.sendWithAck(encodeUpdate(merged), false);
  }

  private sendWithAck(bytes: Uint8Array, handshake: boolean): void {
    if (bytes.byteLength > MAX_PAYLOAD_BYTES) {
      // socket.io would drop the connection; the change stays local and the user is told.
      this.dispatch({ type: 'sent' });
      this.onAck(this.epoch, handshake, { ok: false, code: 'MESSAGE_TOO_LARGE' });
      return;
    }
    const epoch = this.epoch;
    this.dispatch({ type: 'sent' });
    this.connection.socket.emit(COLLAB_EVENTS.message, this.docName, toWire(bytes), (ack: MessageAck) =>
      this.onAck(epoch, handshake, ack),
    );
  }

  private onAck(epoch: number, handshake: boolean, ack: MessageAck): void {
    if (epoch !== this.epoch || this.destroyed) return;
    if (ack?.ok) {
      if (handshake) this.retryAttempt = 0;
      this.dispatch({ type: 'ack', ok: true, handshake });
      return;
    }
    const code = ack?.code ?? 'MALFORMED_MESSAGE';
    this.dispatch({ type: 'ack', ok: false, code });
    if (code === 'EMPTY_UPDATE') return;
    this.setError(code);
    if (RESYNC_ACK_CODES.has(code)) this.scheduleResync();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin !== 'local') return;
    const id = this.doc.clientID;
    if (added.includes(id) || updated.includes(id) || removed.includes(id)) this.awarenessThrottle.call();
  };

  private sendAwareness(): void {
    if (this.destroyed || this.state.phase !== 'joined' || !this.connection.connected) return;
    this.emitMessage(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
  }

  private emitMessage(bytes: Uint8Array): void {
    this.connection.socket.emit(COLLAB_EVENTS.message, this.docName, toWire(bytes));
  }

  // ---- state and events -------------------------------------------------------------------------------------------

  private dispatch(event: ProviderEvent): void {
    const before = this.state;
    const beforeStatus = deriveStatus(before);
    this.state = reduceProviderState(before, event);
    if (this.state === before) return;
    // A failure resolved (or a fresh sync without one) also clears the error shown with it.
    if (this.error !== null && !this.state.failure && (before.failure || (this.state.synced && !before.synced))) this.error = null;
    const status = deriveStatus(this.state);
    if (status !== beforeStatus) this.emit('status', status);
    if (this.state.synced !== before.synced) this.emit('synced', this.state.synced);
    this.emit('change');
  }

  private setError(code: CollabProviderError): void {
    this.error = code;
    this.emit('error', code);
    this.emit('change');
  }

  private emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    this.listeners.get(event)?.forEach((listener) => (listener as (...a: Parameters<Events[E]>) => void)(...args));
  }
}
