/**
 * The outbox of one dialogue on this device: every message is written here *before* its first try and stays until
 * the server acknowledged it, so closing the tab, losing the network or a server hiccup never loses it. A retry
 * always uses the same client id, which the server uses to store it once only.
 *
 * Kept in localStorage per user AND dialogue (two accounts on one device never share an outbox), only until sent,
 * and wiped at logout (`clearOutboxes`). Pure: the storage and the clock are injected.
 */
import { DIALOGUE_LIMITS, LANGUAGES, type Language } from '@relab/shared';

export const OUTBOX_PREFIX = 'relab.dialogue-outbox';
/** More than this many unsent messages in one dialogue: stop accepting new ones (something is badly wrong). */
export const OUTBOX_MAX = 30;

export interface OutboxEntry {
  clientId: string;
  body: string;
  language: Language;
  replyTo: string | null;
  mentions: string[];
  /** When it was written (ISO): the outbox sends in this order. */
  createdAt: string;
  attempts: number;
  /** The code of the last failure (null before the first try). */
  lastError: string | null;
  /** Its details (e.g. the blocked words), to tell the author what to change. */
  lastDetails?: Record<string, unknown> | null;
  /** Not before this moment (ms since epoch): the server asked to wait (slow mode, rate limit). */
  notBefore: number | null;
}

/** The part of the Web Storage API the outbox needs (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export function outboxKey(userId: string, dialogueId: string): string {
  return `${OUTBOX_PREFIX}:${userId}:${dialogueId}`;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The entries of a stored outbox; anything malformed (an old format, a hand edit) is left out, never thrown. */
export function parseOutbox(raw: string | null): OutboxEntry[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: OutboxEntry[] = [];
  for (const item of data as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const e = item as Record<string, unknown>;
    if (!isString(e.clientId) || !isString(e.body) || !isString(e.createdAt)) continue;
    if (!(LANGUAGES as readonly unknown[]).includes(e.language)) continue;
    if (out.some((o) => o.clientId === e.clientId)) continue;
    out.push({
      clientId: e.clientId,
      body: e.body,
      language: e.language as Language,
      replyTo: isString(e.replyTo) ? e.replyTo : null,
      mentions: Array.isArray(e.mentions) ? e.mentions.filter(isString).slice(0, DIALOGUE_LIMITS.mentionsPerMessage) : [],
      createdAt: e.createdAt,
      attempts: typeof e.attempts === 'number' && e.attempts >= 0 ? Math.floor(e.attempts) : 0,
      lastError: isString(e.lastError) ? e.lastError : null,
      lastDetails: e.lastDetails !== null && typeof e.lastDetails === 'object' && !Array.isArray(e.lastDetails) ? (e.lastDetails as Record<string, unknown>) : null,
      notBefore: typeof e.notBefore === 'number' ? e.notBefore : null,
    });
  }
  return sortEntries(out);
}

function sortEntries(entries: OutboxEntry[]): OutboxEntry[] {
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** One dialogue's outbox. Every call reads the storage again, so two tabs of the same user do not overwrite each other. */
export class Outbox {
  readonly key: string;

  constructor(
    private readonly storage: KeyValueStorage,
    userId: string,
    dialogueId: string,
  ) {
    this.key = outboxKey(userId, dialogueId);
  }

  list(): OutboxEntry[] {
    try {
      return parseOutbox(this.storage.getItem(this.key));
    } catch {
      return [];
    }
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.list().find((e) => e.clientId === clientId);
  }

  /** Adds a new message; false when the outbox is full (or the client id is already there). */
  add(entry: OutboxEntry): boolean {
    const entries = this.list();
    if (entries.length >= OUTBOX_MAX || entries.some((e) => e.clientId === entry.clientId)) return false;
    return this.write([...entries, entry]);
  }

  /** Changes an entry still there (an entry acknowledged meanwhile is never brought back). */
  update(clientId: string, patch: Partial<Omit<OutboxEntry, 'clientId'>>): void {
    const entries = this.list();
    const at = entries.findIndex((e) => e.clientId === clientId);
    if (at < 0) return;
    entries[at] = { ...entries[at], ...patch };
    this.write(entries);
  }

  remove(clientId: string): void {
    const entries = this.list();
    const rest = entries.filter((e) => e.clientId !== clientId);
    if (rest.length !== entries.length) this.write(rest);
  }

  /** Drops every entry the server already holds (found among my messages); returns how many. */
  reconcile(storedClientIds: ReadonlySet<string>): number {
    const entries = this.list();
    const rest = entries.filter((e) => !storedClientIds.has(e.clientId));
    if (rest.length !== entries.length) this.write(rest);
    return entries.length - rest.length;
  }

  private write(entries: OutboxEntry[]): boolean {
    try {
      if (entries.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(sortEntries(entries)));
      return true;
    } catch {
      // Storage full or disabled: the caller keeps the message on screen and tries to send it at once.
      return false;
    }
  }
}

/** Wipes the outboxes of a user (at logout), or of every user when no id is given. */
export function clearOutboxes(storage: KeyValueStorage, userId?: string): void {
  const prefix = userId ? `${OUTBOX_PREFIX}:${userId}:` : `${OUTBOX_PREFIX}:`;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  keys.forEach((key) => storage.removeItem(key));
}

/** A storage that lives as long as the page: used when localStorage is not available (disabled, private mode). */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

let fallback: KeyValueStorage | null = null;

/** The browser's localStorage when it works, else a storage in memory. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = globalThis.localStorage;
    if (storage) {
      const probe = `${OUTBOX_PREFIX}:probe`;
      storage.setItem(probe, '1');
      storage.removeItem(probe);
      return storage;
    }
  } catch {
    // disabled by policy or full
  }
  fallback ??= memoryStorage();
  return fallback;
}
