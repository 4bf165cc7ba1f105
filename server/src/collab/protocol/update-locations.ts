import * as Y from 'yjs';

/** Where a struct sits: under which top-level type, which map key of it (if any), and whether inside a nested type. */
export interface Location {
  root: string;
  /** The key in the top-level map, for map entries. */
  key: string | null;
  /** True when the struct is inside a type nested under the root (e.g. a Y.Map value of a Y.Map). */
  nested: boolean;
}

export interface LocatedItem {
  item: Y.Item;
  at: Location;
}

export interface LocatedUpdate {
  /** Every new item of the update, with where it goes. */
  inserted: LocatedItem[];
  /** Items already in the document that the update deletes, with where they are. */
  deleted: LocatedItem[];
}

type Decoded = { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };

/**
 * Locates every item an update inserts or deletes, against the server's document, WITHOUT applying it.
 * For document types that validate content (comment authors, board shapes…). The update must already have passed
 * `checkUpdate` (its references are known), so every origin and parent resolves; if one does not, this returns null.
 *
 * Yjs leaves out the parent of an item that has a left or right neighbour (it is the neighbour's parent), so the
 * location of such an item is that of its neighbour, found in the update or in the document.
 */
export function locateUpdate(doc: Y.Doc, update: Uint8Array): LocatedUpdate | null {
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(update) as Decoded;
  } catch {
    return null;
  }
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const byClient = new Map<number, Y.Item[]>();
  for (const it of items) {
    let list = byClient.get(it.id.client);
    if (!list) byClient.set(it.id.client, (list = []));
    list.push(it);
  }
  const state = (client: number) => Y.getState(doc.store, client);
  const inUpdate = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client);
    if (!list || id.clock < state(id.client)) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  const memo = new Map<Y.Item, Location>();

  const ofDocItem = (id: Y.ID): Location | null => {
    if (id.clock >= state(id.client)) return null;
    let item: Y.Item | Y.GC;
    try {
      item = Y.getItem(doc.store, id) as Y.Item | Y.GC;
    } catch {
      return null;
    }
    if (!(item instanceof Y.Item)) return { root: '', key: null, nested: true };
    return ofLiveItem(item);
  };

  const ofLocatedId = (id: Y.ID): Location | null => {
    const own = inUpdate(id);
    return own ? resolve(own) : ofDocItem(id);
  };

  // iterative: typing a long text makes chains of items each pointing at the one before
  const resolve = (start: Y.Item): Location | null => {
    const chain: Y.Item[] = [];
    let current: Y.Item | null = start;
    let found: Location | null = null;
    const seen = new Set<Y.Item>();
    while (current) {
      const known = memo.get(current);
      if (known) {
        found = known;
        break;
      }
      if (seen.has(current)) return null;
      seen.add(current);
      chain.push(current);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        found = { root: parent, key: current.parentSub, nested: false };
        chain.pop();
        memo.set(current, found);
        break;
      }
      if (parent instanceof Y.ID) {
        const outer = ofLocatedId(parent);
        if (!outer) return null;
        found = { root: outer.root, key: outer.key, nested: true };
        chain.pop();
        memo.set(current, found);
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) return null;
      const own = inUpdate(neighbour);
      if (own) {
        current = own;
        continue;
      }
      found = ofDocItem(neighbour);
      break;
    }
    if (!found) return null;
    for (const it of chain) memo.set(it, found);
    return found;
  };

  const inserted: LocatedItem[] = [];
  for (const it of items) {
    const at = resolve(it);
    if (!at) return null;
    inserted.push({ item: it, at });
  }
  const deleted: LocatedItem[] = [];
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      let c = clock;
      const end = Math.min(clock + len, state(client));
      while (c < end) {
        let s: Y.Item | Y.GC;
        try {
          s = Y.getItem(doc.store, Y.createID(client, c)) as Y.Item | Y.GC;
        } catch {
          return null;
        }
        if (s instanceof Y.Item && !s.deleted) deleted.push({ item: s, at: ofLiveItem(s) });
        c = s.id.clock + s.length;
      }
    }
  }
  return { inserted, deleted };
}

function ofLiveItem(item: Y.Item): Location {
  let nested = false;
  let current = item;
  for (;;) {
    const parent = current.parent as Y.AbstractType<unknown> | null;
    if (!parent) return { root: '', key: null, nested: true };
    if (parent._item === null) {
      return { root: Y.findRootTypeKey(parent), key: current.parentSub, nested };
    }
    nested = true;
    current = parent._item;
  }
}

/** The values of a ContentAny item (e.g. a plain JSON value set in a map), or null for other content. */
export function anyValues(item: Y.Item): unknown[] | null {
  return item.content instanceof Y.ContentAny ? item.content.getContent() : null;
}
