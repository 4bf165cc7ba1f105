/**
 * Fresh ids from `crypto.getRandomValues` (unlike `crypto.randomUUID`, it also exists outside secure contexts, e.g. a
 * lab server reached over plain http on a local network).
 */
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A shape id: 32 hex digits (matches /^[A-Za-z0-9_-]{8,64}$/). */
export function newShapeId(): string {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/** A random (version 4) UUID, e.g. the id of a "bring everyone to me". */
export function newUuid(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
