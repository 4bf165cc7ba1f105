import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { CollabErrorCode } from '@relab/shared';

export type RootKind = 'text' | 'map' | 'array' | 'xml';

export interface UpdateCheckContext {
  /** The server document's state vector (client id → next expected clock). */
  stateVector: Pick<Map<number, number>, 'get'>;
  /** Top-level shared types the document type declares; updates touching others are refused. */
  roots: ReadonlySet<string>;
  /** Whether the writer may add structs under this Yjs client id (omitted: anyone may). */
  owns?: (client: number) => boolean;
  /**
   * The server's document, for the placement check (`placementOf`). Omitted: the placement of new items is not
   * looked at, and the caller must trial-apply the update and run `checkPlacement`.
   */
  doc?: Y.Doc;
}

/**
 * `trial`: the update is well-formed, but whether its items land between their origins can only be told by
 * applying it to a copy of the document and running `checkPlacement` there.
 */
export type UpdateCheckResult = { ok: true; empty: boolean; trial?: boolean } | { ok: false; code: CollabErrorCode };

/** How far the inline placement check walks from an origin to its right origin before leaving it to a trial. */
const PLACEMENT_WALK = 256;

/** ContentDoc (subdocuments): a crafted update must not make the server create documents. */
const CONTENT_DOC_REF = 9;

/**
 * Checks an untrusted Yjs update against the server's document WITHOUT applying it:
 * - it decodes at all (bounded by its size, which the caller capped);
 * - every struct has a positive length and no subdocument content;
 * - per client, structs are contiguous and start at or before what the server has (no gap: no pending structs);
 * - every origin / right origin / parent it references is known to the server or inside the update;
 * - every deletion refers to known structs (no pending delete set);
 * - top-level types are among the document type's declared roots;
 * - every new item's origin lies left of its right origin, in the same list (see `placementOf`).
 * A struct-free, deletion-free update is reported as empty.
 */
export function checkUpdate(update: Uint8Array, ctx: UpdateCheckContext): UpdateCheckResult {
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch {
    return { ok: false, code: 'MALFORMED_MESSAGE' };
  }
  const { structs, ds } = decoded;
  if (structs.length === 0 && ds.clients.size === 0) return { ok: true, empty: true };
  // the update starts with its number of client blocks: one block per client, or Yjs drops all but the last
  const blocks = decoding.readVarUint(decoding.createDecoder(update));
  if (blocks !== new Set(structs.map((st) => st.id.client)).size) return { ok: false, code: 'MALFORMED_MESSAGE' };

  // per client: its structs in clock order, covering [from, to) without gaps, in ONE block
  // (Yjs keeps only the last block of a client, so a client listed twice would be half-applied)
  const byClient = new Map<number, { from: number; to: number; first: number }>();
  let previousClient: number | null = null;
  for (let i = 0; i < structs.length; i++) {
    const s = structs[i]!;
    if (s instanceof Y.Skip) return { ok: false, code: 'MISSING_DEPENDENCIES' };
    if (!(s.length >= 1) || !Number.isSafeInteger(s.id.clock + s.length)) return { ok: false, code: 'MALFORMED_MESSAGE' };
    const r = byClient.get(s.id.client);
    if (!r) {
      if (s.id.clock > (ctx.stateVector.get(s.id.client) ?? 0)) return { ok: false, code: 'MISSING_DEPENDENCIES' };
      byClient.set(s.id.client, { from: s.id.clock, to: s.id.clock + s.length, first: i });
    } else {
      if (previousClient !== s.id.client) return { ok: false, code: 'MALFORMED_MESSAGE' };
      if (s.id.clock !== r.to) return { ok: false, code: 'MISSING_DEPENDENCIES' };
      r.to = s.id.clock + s.length;
    }
    previousClient = s.id.client;
  }
  // the struct of this update holding `id`, -1 when the server already has it, null when nobody has it
  const locate = (id: Y.ID): number | null => {
    if (id.clock < (ctx.stateVector.get(id.client) ?? 0)) return -1;
    const r = byClient.get(id.client);
    if (!r || id.clock < r.from || id.clock >= r.to) return null;
    let lo = r.first;
    let hi = r.first;
    while (hi + 1 < structs.length && structs[hi + 1]!.id.client === id.client) hi++;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (structs[mid]!.id.clock <= id.clock) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // dependencies inside the update must form no cycle (a struct pointing at itself, at a later struct of its own
  // client, or two clients pointing at each other would stay pending forever)
  const deps: number[][] = structs.map(() => []);
  for (let i = 0; i < structs.length; i++) {
    const s = structs[i]!;
    const r = byClient.get(s.id.client)!;
    if (i > r.first) deps[i]!.push(i - 1);
    if (!(s instanceof Y.Item)) continue;
    if ((s.content.getRef() & 0b11111) === CONTENT_DOC_REF) return { ok: false, code: 'SCHEMA_REJECTED' };
    const parent = s.parent as unknown;
    if (typeof parent === 'string' && !ctx.roots.has(parent)) return { ok: false, code: 'SCHEMA_REJECTED' };
    const refs = [s.origin, s.rightOrigin, parent instanceof Y.ID ? parent : null];
    for (const ref of refs) {
      if (!ref) continue;
      const at = locate(ref);
      if (at === null) return { ok: false, code: 'MISSING_DEPENDENCIES' };
      if (at === i) return { ok: false, code: 'MISSING_DEPENDENCIES' };
      if (at >= 0) deps[i]!.push(at);
    }
  }
  if (hasCycle(deps)) return { ok: false, code: 'MISSING_DEPENDENCIES' };
  let trial = false;
  if (ctx.doc) {
    // structs of this update known to land between their origin and right origin
    const placed = new Uint8Array(structs.length);
    for (let i = 0; i < structs.length && !trial; i++) {
      const s = structs[i]!;
      if (!(s instanceof Y.Item)) continue;
      const known = ctx.stateVector.get(s.id.client) ?? 0;
      const origin = effectiveOrigin(s, known);
      if (origin === 'skipped') continue;
      // Yjs (13.6) integrates the rest of an overlapping struct next to the known part without checking that the
      // known part still exists: next to garbage-collected content it throws half-way through the update
      if (s.id.clock < known && origin && Y.getItem(ctx.doc.store, origin) instanceof Y.GC) return { ok: false, code: 'MALFORMED_MESSAGE' };
      if (!origin || !s.rightOrigin) {
        placed[i] = 1;
        continue;
      }
      const at = locate(origin);
      if (at !== -1) {
        // typing on: right after a struct of this update that is itself well placed, before the same right origin
        const prev = at === null ? null : structs[at];
        if (prev instanceof Y.Item && placed[at!] && origin.clock === prev.id.clock + prev.length - 1 && sameId(prev.rightOrigin, s.rightOrigin)) {
          placed[i] = 1;
          continue;
        }
      }
      // other references inside the update: where they land is only known once it is applied
      if (at !== -1 || locate(s.rightOrigin) !== -1) {
        trial = true;
        continue;
      }
      const placement = placementOf(ctx.doc, origin, s.rightOrigin);
      if (placement === 'inconsistent') return { ok: false, code: 'MALFORMED_MESSAGE' };
      if (placement === 'unknown') trial = true;
      else placed[i] = 1;
    }
  }
  for (const [client, deletes] of ds.clients) {
    const have = Math.max(ctx.stateVector.get(client) ?? 0, byClient.get(client)?.to ?? 0);
    for (const del of deletes) {
      if (!(del.len >= 1) || del.clock + del.len > have) return { ok: false, code: 'MISSING_DEPENDENCIES' };
    }
  }
  if (ctx.owns) {
    // new structs only under client ids this writer owns: nobody can write "as" someone else's client
    for (const [client, r] of byClient) {
      if (r.to > (ctx.stateVector.get(client) ?? 0) && !ctx.owns(client)) return { ok: false, code: 'FOREIGN_CLIENT_ID' };
    }
  }
  return trial ? { ok: true, empty: false, trial: true } : { ok: true, empty: false };
}

/**
 * The origin Yjs really uses for a struct. A struct that starts below the server's clock for its client overlaps
 * what the server has: Yjs skips the known part and integrates the rest with the last known clock of that client
 * as its origin, whatever the struct says (and keeps its right origin). A struct entirely known is skipped.
 */
function effectiveOrigin(s: Y.Item, known: number): Y.ID | null | 'skipped' {
  if (s.id.clock >= known) return s.origin;
  if (s.id.clock + s.length <= known) return 'skipped';
  return Y.createID(s.id.client, known - 1);
}

/**
 * Yjs places a new item after its origin, scanning right until its right origin. An honest client took both from
 * its own document, where they were neighbours, so the right origin is to the right of the origin, in the same
 * list. A crafted pair that is not (right origin before the origin, or in another list) makes Yjs scan to the end
 * of the list, and where the item lands then depends on the order updates arrive in: the server's memory, the
 * stored document and every client could each put text in a different order. Such pairs are refused.
 *
 * Both ids must be in `doc`. 'unknown' when the right origin is not found within PLACEMENT_WALK items.
 */
function placementOf(doc: Y.Doc, origin: Y.ID, rightOrigin: Y.ID): 'consistent' | 'inconsistent' | 'unknown' {
  const left = Y.getItem(doc.store, origin) as Y.Item | Y.GC;
  const right = Y.getItem(doc.store, rightOrigin) as Y.Item | Y.GC;
  // next to garbage-collected content Yjs does not place the item at all (it becomes garbage itself)
  if (!(left instanceof Y.Item) || !(right instanceof Y.Item)) return 'consistent';
  if (left === right) return rightOrigin.clock > origin.clock ? 'consistent' : 'inconsistent';
  let item = left.right;
  for (let steps = 0; item && steps < PLACEMENT_WALK; steps++, item = item.right) if (item === right) return 'consistent';
  if (item === null) return 'inconsistent';
  return 'unknown';
}

/**
 * After an update was applied (to a copy of the document): every new item of it lies right of its origin and
 * left of its right origin, in the same list. Lists are indexed once each, so this is linear in their length.
 * `before`: the document's clock per client before the update (what Yjs skipped as already known).
 */
export function checkPlacement(doc: Y.Doc, update: Uint8Array, before: Pick<Map<number, number>, 'get'>): boolean {
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = (Y.decodeUpdate(update) as { structs: Array<Y.Item | Y.GC | Y.Skip> }).structs;
  } catch {
    return false;
  }
  const indexes = new Map<Y.Item, number>();
  const indexOf = (item: Y.Item): number => {
    let at = indexes.get(item);
    if (at !== undefined) return at;
    let first = item;
    while (first.left) first = first.left;
    at = 0;
    for (let it: Y.Item | null = first; it; it = it.right) indexes.set(it, at++);
    return indexes.get(item)!;
  };
  const find = (id: Y.ID): Y.Item | null => {
    const s = Y.getItem(doc.store, id) as Y.Item | Y.GC;
    return s instanceof Y.Item ? s : null;
  };
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const known = before.get(s.id.client) ?? 0;
    const origin = effectiveOrigin(s, known);
    if (origin === 'skipped') continue;
    // the first clock Yjs really integrated from this struct
    const first = Y.createID(s.id.client, Math.max(s.id.clock, known));
    const item = find(first);
    if (!item || !item.parent) continue;
    for (const [ref, side] of [[origin, -1], [s.rightOrigin, 1]] as const) {
      if (!ref) continue;
      const other = find(ref);
      if (!other) continue; // next to garbage-collected content: not placed by it
      if (other === item) {
        // merged into one item with its neighbour (same client, consecutive clocks)
        if (Math.sign(ref.clock - first.clock) !== side) return false;
        continue;
      }
      if (other.parent !== item.parent || other.parentSub !== item.parentSub) return false;
      if (Math.sign(indexOf(other) - indexOf(item)) !== side) return false;
    }
  }
  return true;
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === b || (!!a && !!b && a.client === b.client && a.clock === b.clock);
}

/** Iterative three-colour depth-first search over `deps` (edges i → dependency). */
function hasCycle(deps: number[][]): boolean {
  const state = new Uint8Array(deps.length); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < deps.length; start++) {
    if (state[start] !== 0) continue;
    const stack: Array<[number, number]> = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, edge] = top;
      const next = deps[node]![edge];
      if (next === undefined) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      if (state[next] === 1) return true;
      if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return false;
}
