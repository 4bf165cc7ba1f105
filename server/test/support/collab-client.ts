import { io, type Socket } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { COLLAB_EVENTS, COLLAB_NAMESPACE, Y_MESSAGE, type CollabErrorEvent, type JoinResult, type MessageAck } from '@relab/shared';

/** Opens a raw socket on /collab (no document joined): for protocol-level tests. */
export function collabSocket(url: string, cookie: string | null, extraHeaders: Record<string, string> = {}): Socket {
  return io(url + COLLAB_NAMESPACE, {
    transports: ['websocket'],
    parser: msgpackParser,
    forceNew: true,
    reconnection: false,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...extraHeaders },
  });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((ok, fail) => {
    if (socket.connected) return ok();
    socket.once('connect', () => ok());
    socket.once('connect_error', (e) => fail(e));
  });
}

export function emitAck<T>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, ...args) as Promise<T>;
}

/**
 * A minimal Yjs client speaking RELAB's protocol, like the web provider: joins one document, syncs, sends its
 * local changes with acknowledgement, applies remote ones. Counts acknowledged updates and errors.
 */
export class YClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly errors: CollabErrorEvent[] = [];
  readonly accessEvents: Array<{ doc: string; access: string }> = [];
  join!: JoinResult;
  acked = 0;
  refused: MessageAck[] = [];
  /** With `record`: everything this client's socket received (events, acks, binary payloads), as text. */
  readonly received: string[] = [];
  /** The acknowledgement of the most recent update this client sent. */
  lastSend: Promise<MessageAck> | null = null;
  private pending = new Set<Promise<unknown>>();
  private syncedResolve!: () => void;
  readonly synced = new Promise<void>((ok) => (this.syncedResolve = ok));

  private constructor(
    readonly socket: Socket,
    readonly name: string,
  ) {}

  static async open(url: string, cookie: string, name: string, opts: { sendStep2?: boolean; record?: boolean } = {}): Promise<YClient> {
    const socket = collabSocket(url, cookie);
    const c = new YClient(socket, name);
    if (opts.record) socket.io.on('packet', (packet: { data?: unknown }) => c.received.push(asText(packet.data)));
    socket.on(COLLAB_EVENTS.error, (e: CollabErrorEvent) => c.errors.push(e));
    socket.on(COLLAB_EVENTS.access, (e: { doc: string; access: string }) => c.accessEvents.push(e));
    socket.on(COLLAB_EVENTS.message, (doc: string, bytes: Uint8Array) => {
      if (doc === name) c.receive(new Uint8Array(bytes), opts.sendStep2 !== false);
    });
    await connected(socket);
    // the join ack is handled in its callback, synchronously: the server's sync step 1 follows right behind it
    c.join = await new Promise<JoinResult>((ok, fail) => {
      socket.timeout(10_000).emit(COLLAB_EVENTS.join, name, (err: Error | null, r: JoinResult) => {
        if (err) return fail(err);
        c.join = r;
        ok(r);
      });
    });
    if (!c.join.ok) return c;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, Y_MESSAGE.sync);
    syncProtocol.writeSyncStep1(step1, c.doc);
    socket.emit(COLLAB_EVENTS.message, name, encoding.toUint8Array(step1));
    c.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === c) return;
      c.send(update);
    });
    return c;
  }

  private receive(bytes: Uint8Array, sendStep2: boolean): void {
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    if (type === Y_MESSAGE.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, Y_MESSAGE.sync);
      const syncType = syncProtocol.readSyncMessage(d, reply, this.doc, this);
      if (syncType === syncProtocol.messageYjsSyncStep2) this.syncedResolve();
      if (syncType === syncProtocol.messageYjsSyncStep1 && sendStep2 && this.join.ok && this.join.access === 'write') {
        this.track(emitAck<MessageAck>(this.socket, COLLAB_EVENTS.message, this.name, encoding.toUint8Array(reply)));
      }
    } else if (type === Y_MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
    }
  }

  /** Sends an update message and records its acknowledgement. */
  send(update: Uint8Array): Promise<MessageAck> {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, Y_MESSAGE.sync);
    syncProtocol.writeUpdate(e, update);
    this.lastSend = this.track(emitAck<MessageAck>(this.socket, COLLAB_EVENTS.message, this.name, encoding.toUint8Array(e)));
    return this.lastSend;
  }

  sendRaw(bytes: unknown, name: unknown = this.name): Promise<MessageAck> {
    return this.track(emitAck<MessageAck>(this.socket, COLLAB_EVENTS.message, name, bytes));
  }

  setPresence(state: Record<string, unknown>): Promise<MessageAck> {
    this.awareness.setLocalState(state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, Y_MESSAGE.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    return this.track(emitAck<MessageAck>(this.socket, COLLAB_EVENTS.message, this.name, encoding.toUint8Array(e)));
  }

  private track<T extends MessageAck>(p: Promise<T>): Promise<T> {
    const tracked = p.then((r) => {
      if (r.ok) this.acked++;
      else this.refused.push(r);
      return r;
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked)).catch(() => undefined);
    return tracked;
  }

  /** Waits until every message sent so far is acknowledged. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Appends one paragraph-like XmlText to the `content` fragment (the lab notebook's root). */
  appendXml(text: string): void {
    const frag = this.doc.getXmlFragment('content');
    frag.insert(frag.length, [new Y.XmlText(text)]);
  }

  xmlTexts(): string[] {
    return this.doc.getXmlFragment('content').toArray().map((n) => n.toString());
  }

  text(name = 'content'): string {
    return this.doc.getText(name).toString();
  }

  close(): void {
    this.socket.disconnect();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Polls until `fn` is true (or fails after `ms`). */
export async function until(fn: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A received packet as searchable text: binary parts decoded as UTF-8 (Yjs stores strings as UTF-8). */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('utf8');
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  if (Array.isArray(value)) return value.map(asText).join('\n');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}:${asText(v)}`).join('\n');
  return String(value);
}
