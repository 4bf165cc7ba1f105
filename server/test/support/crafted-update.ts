import * as encoding from 'lib0/encoding';

/** Hand-encoded Yjs (v1) updates, for updates no Yjs client would write. */
export type Id = [client: number, clock: number];
export type CraftedContent =
  | { ref: 4; str: string }
  | { ref: 1; len: number }
  | { ref: 7; type: number }
  | { ref: 8; values: unknown[] }
  | { ref: 6; key: string; value: string }
  | { ref: 5; json: string }
  | { ref: 9; guid: string };
export type CraftedStruct = { gc: number } | { skip: number } | { origin?: Id; rightOrigin?: Id; parent?: string | Id; parentSub?: string; content: CraftedContent };
export interface CraftedBlock {
  client: number;
  clock: number;
  structs: CraftedStruct[];
}

export function craftUpdate(blocks: CraftedBlock[], ds: Array<[client: number, ranges: Array<[clock: number, len: number]>]> = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const b of blocks) {
    encoding.writeVarUint(e, b.structs.length);
    encoding.writeVarUint(e, b.client);
    encoding.writeVarUint(e, b.clock);
    for (const s of b.structs) {
      if ('gc' in s) {
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, s.gc);
        continue;
      }
      if ('skip' in s) {
        encoding.writeUint8(e, 10);
        encoding.writeVarUint(e, s.skip);
        continue;
      }
      const c = s.content;
      encoding.writeUint8(e, c.ref | (s.origin ? 0x80 : 0) | (s.rightOrigin ? 0x40 : 0) | (s.parentSub !== undefined ? 0x20 : 0));
      if (s.origin) s.origin.forEach((n) => encoding.writeVarUint(e, n));
      if (s.rightOrigin) s.rightOrigin.forEach((n) => encoding.writeVarUint(e, n));
      if (!s.origin && !s.rightOrigin) {
        if (typeof s.parent === 'string') {
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, s.parent);
        } else {
          encoding.writeVarUint(e, 0);
          s.parent!.forEach((n) => encoding.writeVarUint(e, n));
        }
        if (s.parentSub !== undefined) encoding.writeVarString(e, s.parentSub);
      }
      if (c.ref === 4) encoding.writeVarString(e, c.str);
      else if (c.ref === 1) encoding.writeVarUint(e, c.len);
      else if (c.ref === 7) encoding.writeVarUint(e, c.type);
      else if (c.ref === 6) {
        encoding.writeVarString(e, c.key);
        encoding.writeVarString(e, c.value);
      } else if (c.ref === 5) encoding.writeVarString(e, c.json);
      else if (c.ref === 9) {
        // a subdocument: guid, then its options
        encoding.writeVarString(e, c.guid);
        encoding.writeAny(e, {});
      } else {
        encoding.writeVarUint(e, c.values.length);
        for (const v of c.values) encoding.writeAny(e, v as never);
      }
    }
  }
  encoding.writeVarUint(e, ds.length);
  for (const [client, ranges] of ds) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

/** varUint(0 sync) · varUint(2 update) · varUint8Array(update): the y-protocols update message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

/** A raw awareness update (count · [clientId · clock · JSON]). */
export function awarenessUpdate(entries: Array<[clientId: number, clock: number, state: unknown]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

/** A real update as crafted blocks (consecutive structs of one client in one block), or null if it holds content this encoder does not write. */
export function toBlocks(update: Uint8Array, Yjs: typeof import('yjs')): { blocks: CraftedBlock[]; ds: Array<[number, Array<[number, number]>]> } | null {
  const { structs, ds } = Yjs.decodeUpdate(update) as unknown as {
    structs: Array<import('yjs').Item | import('yjs').GC | import('yjs').Skip>;
    ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
  };
  const blocks: CraftedBlock[] = [];
  for (const s of structs) {
    let crafted: CraftedStruct;
    if (s instanceof Yjs.GC) crafted = { gc: s.length };
    else if (s instanceof Yjs.Skip) crafted = { skip: s.length };
    else {
      const c = s.content as unknown;
      let content: CraftedContent;
      if (c instanceof Yjs.ContentString) content = { ref: 4, str: c.str };
      else if (c instanceof Yjs.ContentAny) content = { ref: 8, values: c.arr };
      else if (c instanceof Yjs.ContentDeleted) content = { ref: 1, len: c.len };
      else if (c instanceof Yjs.ContentFormat) content = { ref: 6, key: c.key, value: JSON.stringify(c.value) };
      else if (c instanceof Yjs.ContentEmbed) content = { ref: 5, json: JSON.stringify(c.embed) };
      else if (c instanceof Yjs.ContentType) {
        const type = c.type instanceof Yjs.Array ? 0 : c.type instanceof Yjs.Map ? 1 : c.type instanceof Yjs.Text ? 2 : -1;
        if (type < 0) return null;
        content = { ref: 7, type };
      } else return null;
      const origin = s.origin ? ([s.origin.client, s.origin.clock] as Id) : undefined;
      const rightOrigin = s.rightOrigin ? ([s.rightOrigin.client, s.rightOrigin.clock] as Id) : undefined;
      const p = s.parent as unknown;
      const parent = origin || rightOrigin ? undefined : typeof p === 'string' ? p : p instanceof Yjs.ID ? ([p.client, p.clock] as Id) : undefined;
      if (!origin && !rightOrigin && parent === undefined) return null;
      crafted = { origin, rightOrigin, parent, parentSub: origin || rightOrigin ? undefined : (s.parentSub ?? undefined), content };
    }
    const last = blocks[blocks.length - 1];
    const end = last ? last.clock + last.structs.reduce((n, x) => n + structLength(x), 0) : -1;
    if (last && last.client === s.id.client && end === s.id.clock) last.structs.push(crafted);
    else blocks.push({ client: s.id.client, clock: s.id.clock, structs: [crafted] });
  }
  return { blocks, ds: [...ds.clients].map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len] as [number, number])]) };
}

export function structLength(s: CraftedStruct): number {
  if ('gc' in s) return s.gc;
  if ('skip' in s) return s.skip;
  const c = s.content;
  return c.ref === 4 ? c.str.length : c.ref === 8 ? c.values.length : c.ref === 1 ? c.len : 1;
}
