/**
 * One socket.io connection to the `/collab` namespace, shared by every document open on the page (they are
 * multiplexed by document name). Messages and events are handed to the provider of their document; after a
 * reconnection every provider joins its room again.
 */
import { COLLAB_EVENTS, COLLAB_NAMESPACE, type AccessChangedEvent, type CollabErrorEvent } from '@relab/shared';
import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';

export interface CollabConnectionOptions {
  /** Origin of the server; same origin when omitted (the browser app). */
  url?: string;
  /** Extra handshake headers (Node only, e.g. `cookie` and `origin` in tests). */
  extraHeaders?: Record<string, string>;
}

/** What the connection needs from a provider. */
export interface ConnectionMember {
  readonly docName: string;
  onConnect(): void;
  onDisconnect(): void;
  onMessage(bytes: unknown): void;
  onCollabError(code: CollabErrorEvent['code']): void;
  onAccessChanged(access: AccessChangedEvent['access']): void;
  onConnectError(code: string | null): void;
}

/** A connection with no document left is closed after this delay (a remount, e.g. React StrictMode, reuses it). */
const IDLE_CLOSE_MS = 1500;

const shared = new Map<string, CollabConnection>();

export class CollabConnection {
  readonly socket: Socket;
  private readonly members = new Map<string, ConnectionMember>();
  /** Leaves still travelling: a new join of the same document waits for them, so the server sees leave then join. */
  private readonly leaving = new Map<string, Promise<void>>();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    options: CollabConnectionOptions = {},
    private readonly onClosed?: () => void,
  ) {
    const uri = (options.url ?? '').replace(/\/+$/, '') + COLLAB_NAMESPACE;
    this.socket = io(uri, {
      path: '/socket.io',
      transports: ['websocket'],
      withCredentials: true,
      parser: { Encoder: msgpackParser.Encoder, Decoder: msgpackParser.Decoder },
      extraHeaders: options.extraHeaders,
      autoConnect: false,
    });
    this.socket.on('connect', () => this.members.forEach((m) => m.onConnect()));
    this.socket.on('disconnect', () => this.members.forEach((m) => m.onDisconnect()));
    this.socket.on('connect_error', (error: Error) => {
      // `active` is false when the server refused the connection itself (e.g. no session): socket.io will not retry.
      const code = this.socket.active ? null : error.message || 'UNAUTHENTICATED';
      this.members.forEach((m) => m.onConnectError(code));
    });
    this.socket.on(COLLAB_EVENTS.message, (doc: unknown, bytes: unknown) => {
      if (typeof doc === 'string') this.members.get(doc)?.onMessage(bytes);
    });
    this.socket.on(COLLAB_EVENTS.error, (event: CollabErrorEvent) => {
      if (!event || typeof event.code !== 'string') return;
      if (event.doc === null) this.members.forEach((m) => m.onCollabError(event.code));
      else this.members.get(event.doc)?.onCollabError(event.code);
    });
    this.socket.on(COLLAB_EVENTS.access, (event: AccessChangedEvent) => {
      if (event && typeof event.doc === 'string') this.members.get(event.doc)?.onAccessChanged(event.access);
    });
    if (typeof window !== 'undefined') window.addEventListener('offline', this.onBrowserOffline);
  }

  /**
   * The browser knows it lost the network long before socket.io's heartbeat notices (up to 40 s): drop the transport
   * now, so the status says "offline" at once; socket.io then reconnects by itself when the network is back.
   */
  private readonly onBrowserOffline = (): void => {
    if (this.socket.connected) this.socket.io.engine?.close();
  };

  /**
   * The page's connection to `url` (same origin by default): one per page, or one per set of headers in Node
   * (each test user has their own cookie).
   */
  static shared(options: CollabConnectionOptions = {}): CollabConnection {
    const key = JSON.stringify([options.url ?? '', options.extraHeaders ?? {}]);
    let connection = shared.get(key);
    if (!connection || connection.closed) {
      connection = new CollabConnection(options, () => shared.delete(key));
      shared.set(key, connection);
    }
    return connection;
  }

  /** Closes every shared connection at once (logout: the session they were opened with is gone). */
  static closeAll(): void {
    [...shared.values()].forEach((c) => c.close());
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  add(member: ConnectionMember): void {
    if (this.closed) throw new Error('connection closed');
    if (this.members.has(member.docName)) throw new Error(`document ${member.docName} is already open on this connection`);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.members.set(member.docName, member);
    if (this.socket.connected) member.onConnect();
    else if (!this.socket.active) this.socket.connect();
  }

  /** Removes a document: leaves its room (when connected) and closes the socket a little later if it was the last. */
  remove(member: ConnectionMember): void {
    if (this.members.get(member.docName) !== member) return;
    this.members.delete(member.docName);
    if (this.socket.connected) void this.leave(member.docName);
    if (this.members.size === 0) {
      this.idleTimer = setTimeout(() => this.close(), IDLE_CLOSE_MS);
      (this.idleTimer as { unref?: () => void }).unref?.();
    }
  }

  /** Leaves a room; resolves on the server's answer, a disconnection, or after a few seconds without either. */
  leave(docName: string): Promise<void> {
    const left = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.socket.off('disconnect', done);
        resolve();
      };
      const timer = setTimeout(done, 5000);
      (timer as { unref?: () => void }).unref?.();
      // a disconnection leaves every room on the server too
      this.socket.once('disconnect', done);
      this.socket.emit(COLLAB_EVENTS.leave, docName, done);
    }).finally(() => {
      if (this.leaving.get(docName) === left) this.leaving.delete(docName);
    });
    this.leaving.set(docName, left);
    return left;
  }

  /** Resolves once a leave of `docName` sent earlier has been answered (at once when there is none). */
  whenLeft(docName: string): Promise<void> {
    return this.leaving.get(docName) ?? Promise.resolve();
  }

  /** Network-level disconnect and reconnect, e.g. for tests or a "reconnect now" button. */
  disconnect(): void {
    this.socket.disconnect();
  }

  connect(): void {
    if (!this.socket.active) this.socket.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (typeof window !== 'undefined') window.removeEventListener('offline', this.onBrowserOffline);
    this.socket.disconnect();
    this.socket.removeAllListeners();
    this.onClosed?.();
  }
}
