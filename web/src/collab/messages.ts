/**
 * Encoding and decoding of the y-protocols messages carried by `msg(doc, bytes)` (the y-websocket framing, see
 * `@relab/shared` protocol.ts). Pure functions: no socket, no timers.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Y_MESSAGE, Y_SYNC } from '@relab/shared';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export type DecodedMessage =
  | { kind: 'sync'; syncType: number; payload: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'unknown'; messageType: number };

/**
 * Bytes as received from socket.io with the msgpack parser (notepack.io), whatever the sender's runtime:
 * - msgpack `bin` (what a Node Buffer or a browser ArrayBuffer becomes) → a Buffer in Node, an ArrayBuffer in the
 *   browser;
 * - msgpack `ext` type 0 (what Node's encoder makes of a plain Uint8Array or ArrayBuffer) → an ArrayBuffer in Node,
 *   but `[0, ArrayBuffer]` in the browser build of the decoder.
 */
export function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data) && data.length === 2 && data[0] === 0 && data[1] instanceof ArrayBuffer) return new Uint8Array(data[1]);
  return null;
}

type BufferCtor = { from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array };

/**
 * Bytes as sent to socket.io, so that they arrive as msgpack `bin` (a Buffer on the server). In the browser that is
 * an ArrayBuffer of exactly the message's bytes (the browser encoder would turn a Uint8Array into a map of its
 * indices); in Node a Buffer (Node's encoder would turn a Uint8Array or ArrayBuffer into an `ext`).
 */
export function toWire(bytes: Uint8Array): ArrayBuffer | Uint8Array {
  const NodeBuffer = (globalThis as { Buffer?: BufferCtor }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** `[0, 0, varUint8Array(stateVector)]`: "here is what I have, send me what I lack". */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, Y_MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** `[0, 1, varUint8Array(update)]`: what `doc` has beyond `stateVector` (everything when it is omitted). */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, Y_MESSAGE.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** `[0, 2, varUint8Array(update)]`: a document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, Y_MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `[1, varUint8Array(awarenessUpdate)]`. */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, Y_MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** Reads the framing of one message; throws on truncated input. */
export function decodeMessage(bytes: Uint8Array): DecodedMessage {
  const decoder = decoding.createDecoder(bytes);
  const messageType = decoding.readVarUint(decoder);
  if (messageType === Y_MESSAGE.sync) {
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    return { kind: 'sync', syncType, payload };
  }
  if (messageType === Y_MESSAGE.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
  return { kind: 'unknown', messageType };
}

/**
 * Applies a decoded sync message to `doc` with `origin`. Returns the answer to send for a step 1 (a step 2), or null.
 * Step 2 and update payloads are applied as they are.
 */
export function applySyncMessage(doc: Y.Doc, message: { syncType: number; payload: Uint8Array }, origin: unknown): Uint8Array | null {
  switch (message.syncType) {
    case Y_SYNC.step1:
      return encodeSyncStep2(doc, message.payload);
    case Y_SYNC.step2:
    case Y_SYNC.update:
      Y.applyUpdate(doc, message.payload, origin);
      return null;
    default:
      throw new Error(`unknown sync message type ${message.syncType}`);
  }
}

/** Base64 (standard alphabet, as in VersionContent.state) to bytes, in the browser and in Node. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
