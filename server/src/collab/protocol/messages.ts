import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Y_MESSAGE, Y_SYNC, type CollabErrorCode } from '@relab/shared';

/** A y-protocols message from a client, decoded and checked for framing (not yet for content). */
export type IncomingMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array };

export class ProtocolError extends Error {
  constructor(readonly code: CollabErrorCode) {
    super(code);
  }
}

/**
 * Decodes the y-websocket framing: varUint(messageType) · body. Anything else — empty, truncated, unknown types,
 * trailing bytes — is a MALFORMED_MESSAGE. Never throws anything but ProtocolError.
 */
export function decodeMessage(bytes: Uint8Array): IncomingMessage {
  if (bytes.length === 0) throw new ProtocolError('MALFORMED_MESSAGE');
  try {
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    let msg: IncomingMessage;
    if (type === Y_MESSAGE.sync) {
      const syncType = decoding.readVarUint(d);
      const payload = readBytes(d);
      if (syncType === Y_SYNC.step1) msg = { kind: 'sync-step1', stateVector: payload };
      else if (syncType === Y_SYNC.step2) msg = { kind: 'sync-step2', update: payload };
      else if (syncType === Y_SYNC.update) msg = { kind: 'update', update: payload };
      else throw new ProtocolError('MALFORMED_MESSAGE');
    } else if (type === Y_MESSAGE.awareness) {
      msg = { kind: 'awareness', update: readBytes(d) };
    } else {
      throw new ProtocolError('MALFORMED_MESSAGE');
    }
    if (decoding.hasContent(d)) throw new ProtocolError('MALFORMED_MESSAGE');
    return msg;
  } catch (e) {
    if (e instanceof ProtocolError) throw e;
    throw new ProtocolError('MALFORMED_MESSAGE');
  }
}

/** varUint8Array with the length checked against what is left (lib0 would allocate or read past the end). */
function readBytes(d: decoding.Decoder): Uint8Array {
  const len = decoding.readVarUint(d);
  if (len > d.arr.length - d.pos) throw new ProtocolError('MALFORMED_MESSAGE');
  return decoding.readUint8Array(d, len);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(Y_MESSAGE.sync, Y_SYNC.step1, stateVector);
}
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame(Y_MESSAGE.sync, Y_SYNC.step2, update);
}
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(Y_MESSAGE.sync, Y_SYNC.update, update);
}
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, Y_MESSAGE.awareness);
  encoding.writeVarUint8Array(e, update);
  return wire(e);
}

function frame(type: number, syncType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return wire(e);
}

/** A Buffer view (no copy): msgpack then sends it as plain binary, which every client reads as bytes. */
function wire(e: encoding.Encoder): Uint8Array {
  const bytes = encoding.toUint8Array(e);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Parsed JSON state; null removes the client. */
  state: Record<string, unknown> | null;
}

/** Decodes an awareness update strictly: bounded count, bounded state size, JSON objects (or null) only. */
export function decodeAwareness(update: Uint8Array, maxStateBytes: number, maxEntries: number): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    if (n < 1 || n > maxEntries) throw new ProtocolError('AWARENESS_REJECTED');
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const len = decoding.readVarUint(d);
      if (len > maxStateBytes || len > d.arr.length - d.pos) throw new ProtocolError('AWARENESS_REJECTED');
      d.pos -= varUintLength(len);
      const json = decoding.readVarString(d);
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new ProtocolError('AWARENESS_REJECTED');
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(d)) throw new ProtocolError('AWARENESS_REJECTED');
    return entries;
  } catch (e) {
    if (e instanceof ProtocolError) throw e;
    throw new ProtocolError('AWARENESS_REJECTED');
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

function varUintLength(n: number): number {
  let len = 1;
  while (n > 0b01111111) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}
