/**
 * The app's realtime channel: one socket.io connection to `/live` per page, shared by every topic the page
 * follows. It only notifies; each subscriber fetches what changed over the REST API. After a reconnect every
 * topic is subscribed again and `onResubscribed` tells subscribers to fetch what they may have missed.
 */
import { LIVE_EVENTS, LIVE_NAMESPACE, type LiveNotice, type PresenceNotice, type SubscribeAck } from '@relab/shared';
import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';

export interface TopicListener {
  onNotice?(notice: LiveNotice): void;
  onPresence?(notice: PresenceNotice): void;
  /** Subscribed (again): fetch everything after what you hold. */
  onSubscribed?(ack: Extract<SubscribeAck, { ok: true }>): void;
  /** Refused or revoked (code), or the connection is down (null). */
  onTrouble?(code: string | null): void;
}

export interface LiveConnectionOptions {
  url?: string;
  extraHeaders?: Record<string, string>;
}

export class LiveConnection {
  readonly socket: Socket;
  private readonly topics = new Map<string, Set<TopicListener>>();
  /** Notices for the user (not for a topic), e.g. "one of your messages was moderated". */
  private readonly personal = new Set<(notice: LiveNotice) => void>();

  constructor(options: LiveConnectionOptions = {}) {
    this.socket = io((options.url ?? '').replace(/\/+$/, '') + LIVE_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket'],
      withCredentials: true,
      parser: { Encoder: msgpackParser.Encoder, Decoder: msgpackParser.Decoder },
      extraHeaders: options.extraHeaders,
      autoConnect: false,
    });
    this.socket.on('connect', () => {
      for (const topic of this.topics.keys()) this.sendSubscribe(topic);
    });
    this.socket.on('disconnect', () => this.each((l) => l.onTrouble?.(null)));
    this.socket.on(LIVE_EVENTS.notice, (notice: LiveNotice) => {
      const listeners = this.topics.get(notice.topic);
      if (listeners) listeners.forEach((l) => l.onNotice?.(notice));
      else this.personal.forEach((fn) => fn(notice));
    });
    this.socket.on(LIVE_EVENTS.presence, (notice: PresenceNotice) => this.topics.get(notice.topic)?.forEach((l) => l.onPresence?.(notice)));
    this.socket.on(LIVE_EVENTS.error, (e: { topic: string | null; code: string }) => {
      if (e.topic) this.topics.get(e.topic)?.forEach((l) => l.onTrouble?.(e.code));
      else this.each((l) => l.onTrouble?.(e.code));
    });
  }

  /** Follows a topic; returns the function that stops following it. */
  follow(topic: string, listener: TopicListener): () => void {
    let set = this.topics.get(topic);
    const first = !set;
    if (!set) this.topics.set(topic, (set = new Set()));
    set.add(listener);
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
    else if (first && this.socket.connected) this.sendSubscribe(topic);
    else if (this.socket.connected) {
      // already subscribed for another listener: this one still needs a first fetch
      listener.onSubscribed?.({ ok: true, topic });
    }
    return () => {
      const current = this.topics.get(topic);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.topics.delete(topic);
        if (this.socket.connected) this.socket.emit(LIVE_EVENTS.unsubscribe, topic, () => undefined);
      }
    };
  }

  /** Notices addressed to the user rather than to a topic. */
  onPersonal(fn: (notice: LiveNotice) => void): () => void {
    this.personal.add(fn);
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
    return () => this.personal.delete(fn);
  }

  close(): void {
    this.topics.clear();
    this.personal.clear();
    this.socket.disconnect();
  }

  private sendSubscribe(topic: string): void {
    this.socket.emit(LIVE_EVENTS.subscribe, topic, (ack: SubscribeAck) => {
      const listeners = this.topics.get(topic);
      if (!listeners) return;
      if (ack.ok) listeners.forEach((l) => l.onSubscribed?.(ack));
      else listeners.forEach((l) => l.onTrouble?.(ack.code));
    });
  }

  private each(fn: (l: TopicListener) => void): void {
    for (const set of this.topics.values()) set.forEach(fn);
  }
}

let shared: LiveConnection | null = null;

/** The page's connection (created on first use). */
export function liveConnection(): LiveConnection {
  shared ??= new LiveConnection();
  return shared;
}

/** On logout: the next user gets a fresh connection. */
export function closeLiveConnection(): void {
  shared?.close();
  shared = null;
}
