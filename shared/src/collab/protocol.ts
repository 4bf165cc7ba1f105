/**
 * The realtime collaboration protocol, shared by the server gateway (`server/src/collab/`) and the web provider
 * (`web/src/collab/`). The full wire description is in docs/realtime-protocol.md.
 *
 * Transport: socket.io 4 with `socket.io-msgpack-parser` on both ends, namespace `/collab`.
 * Payloads of `msg` are standard y-protocols messages (the y-websocket framing):
 *   varUint(messageType) · body
 *   messageType 0 = sync:      varUint(syncType) · varUint8Array(payload)
 *                              syncType 0 = step 1 (state vector), 1 = step 2 (update), 2 = update
 *   messageType 1 = awareness: varUint8Array(awareness update)
 */
export const COLLAB_NAMESPACE = '/collab';

export const COLLAB_EVENTS = {
  /** C→S `join(doc, ack)`; ack: JoinResult. After a successful join the server sends sync step 1 and awareness. */
  join: 'join',
  /** C→S `leave(doc, ack?)`. */
  leave: 'leave',
  /** Both ways: `msg(doc, bytes, ack?)`. From the client, the ack (MessageAck) for an update means "stored". */
  message: 'msg',
  /** S→C: a refused message or a problem with a document (CollabErrorEvent). */
  error: 'collab:error',
  /** S→C: the socket's access to a document changed while it was open (AccessChangedEvent). */
  access: 'collab:access',
} as const;

export const Y_MESSAGE = { sync: 0, awareness: 1 } as const;
export const Y_SYNC = { step1: 0, step2: 1, update: 2 } as const;

export const DOC_ACCESS = ['none', 'read', 'write'] as const;
export type DocAccess = (typeof DOC_ACCESS)[number];

export const COLLAB_LIMITS = {
  /** Largest single socket.io message (and socket.io's maxHttpBufferSize), in bytes. */
  maxMessageBytes: 512 * 1024,
  /** Updates up to this size are checked inline; larger ones in a worker with a time limit. */
  inlineCheckBytes: 16 * 1024,
  /** Time a worker may spend decoding one large update before it is refused. */
  checkTimeoutMs: 500,
  /** Documents one socket may have open at once. */
  maxDocsPerSocket: 16,
  /** Messages per second per socket (token bucket, burst = 2x). */
  messagesPerSecond: 60,
  /** Awareness messages per second per socket and document (token bucket, burst = 2x). */
  awarenessPerSecond: 15,
  /** Largest awareness state (JSON) of one client, in bytes. */
  maxAwarenessStateBytes: 4096,
  /** Stored updates of a document after which the server compacts it into a snapshot. */
  compactAfterUpdates: 400,
  /** Length of a version name. */
  versionName: { min: 1, max: 120 },
} as const;

export const COLLAB_ERROR_CODES = [
  'UNAUTHENTICATED',
  'BAD_DOC_NAME',
  /** No such document, or no access: the two are not told apart. */
  'DOC_NOT_FOUND',
  'TOO_MANY_DOCS',
  'NOT_JOINED',
  'READ_ONLY',
  'MESSAGE_TOO_LARGE',
  'MALFORMED_MESSAGE',
  'EMPTY_UPDATE',
  'MISSING_DEPENDENCIES',
  'UPDATE_TOO_COMPLEX',
  'AWARENESS_REJECTED',
  /** The update touches shared types the document type does not declare, or holds subdocuments. */
  'SCHEMA_REJECTED',
  /** The update adds content under a Yjs client id that belongs to someone else in this document. */
  'FOREIGN_CLIENT_ID',
  'RATE_LIMITED',
  'LOAD_FAILED',
  'SAVE_FAILED',
  'ACCESS_REVOKED',
] as const;
export type CollabErrorCode = (typeof COLLAB_ERROR_CODES)[number];

export interface CollabUser {
  id: string;
  /** Display name; for families and returnees always their pseudonym. */
  name: string;
  color: string;
}

export type JoinResult =
  | { ok: true; doc: string; access: Exclude<DocAccess, 'none'>; user: CollabUser }
  | { ok: false; doc: string; code: CollabErrorCode };

export type MessageAck = { ok: true } | { ok: false; code: CollabErrorCode };

export interface CollabErrorEvent {
  doc: string | null;
  code: CollabErrorCode;
}

export interface AccessChangedEvent {
  doc: string;
  access: DocAccess;
}

/** Document names are `<type>:<id>`, e.g. `lab-notes:6f1c…`. */
export const DOC_NAME_PATTERN = /^([a-z][a-z0-9-]{1,31}):([A-Za-z0-9_-]{1,64})$/;

export function parseDocName(name: unknown): { type: string; id: string } | null {
  if (typeof name !== 'string') return null;
  const m = DOC_NAME_PATTERN.exec(name);
  return m ? { type: m[1]!, id: m[2]! } : null;
}

export function docName(type: string, id: string): string {
  return `${type}:${id}`;
}

/** Shown in the editor's status line. */
export const COLLAB_STATUSES = ['connecting', 'saving', 'saved', 'offline', 'error'] as const;
export type CollabStatus = (typeof COLLAB_STATUSES)[number];
