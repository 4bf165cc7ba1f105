import { io, type Socket } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import { LIVE_EVENTS, LIVE_NAMESPACE, type LiveNotice, type PresenceNotice, type SubscribeAck } from '@relab/shared';
import { connected, emitAck, until } from './collab-client.js';

/** A test client of the `/live` channel: records every notice, presence update and error it receives. */
export class LiveClient {
  readonly notices: LiveNotice[] = [];
  readonly presence: PresenceNotice[] = [];
  readonly errors: Array<{ topic: string | null; code: string }> = [];

  private constructor(readonly socket: Socket) {
    socket.on(LIVE_EVENTS.notice, (n: LiveNotice) => this.notices.push(n));
    socket.on(LIVE_EVENTS.presence, (p: PresenceNotice) => this.presence.push(p));
    socket.on(LIVE_EVENTS.error, (e: { topic: string | null; code: string }) => this.errors.push(e));
  }

  /** Connects with a session cookie (`name=value`); rejects when the handshake is refused. */
  static async open(url: string, cookie: string | null): Promise<LiveClient> {
    const socket = io(url + LIVE_NAMESPACE, {
      transports: ['websocket'],
      parser: msgpackParser,
      forceNew: true,
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
    });
    const client = new LiveClient(socket);
    await connected(socket);
    return client;
  }

  subscribe(topic: unknown): Promise<SubscribeAck> {
    return emitAck<SubscribeAck>(this.socket, LIVE_EVENTS.subscribe, topic);
  }

  unsubscribe(topic: unknown): Promise<{ ok: true }> {
    return emitAck<{ ok: true }>(this.socket, LIVE_EVENTS.unsubscribe, topic);
  }

  /** Waits for a notice matching `match` (received since `from`, an index into `notices`). */
  async waitFor(match: (n: LiveNotice) => boolean, from = 0, ms = 5000): Promise<LiveNotice> {
    await until(() => this.notices.slice(from).some(match), ms, 'a live notice');
    return this.notices.slice(from).find(match)!;
  }

  /** The latest presence list received for a topic. */
  lastPresence(topic: string): PresenceNotice | undefined {
    return [...this.presence].reverse().find((p) => p.topic === topic);
  }

  close(): void {
    this.socket.disconnect();
  }
}
