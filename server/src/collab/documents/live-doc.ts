import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { ResolvedDoc } from '../doc-access.registry.js';
import type { CollabSocket } from '../transport/socket-state.js';

export interface Outgoing {
  update: Uint8Array;
  /** Socket that sent it (excluded from the broadcast when it is the only sender), null for server changes. */
  senderId: string | null;
  /** Arrived from another server process: deliver to local sockets only. */
  remote: boolean;
}

/** A document held in memory while it is in use: its Y.Doc, presence, local sockets and write bookkeeping. */
export class LiveDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly sockets = new Set<CollabSocket>();
  ready!: Promise<void>;
  loaded = false;
  /** Operations (joins, REST calls) currently using the document besides its sockets. */
  holds = 0;
  /** A write failed: memory holds edits that are not (yet) in PostgreSQL. Never unloaded while set. */
  dirty = false;
  /** Updates applied but refused by the database, re-broadcast once a recovery write succeeds. */
  unsaved: Uint8Array[] = [];
  writesInFlight = 0;
  storedSinceCompaction = 0;
  storedSinceLoad = 0;
  changedSinceVersion = false;
  compacting = false;
  /** Updates from other processes that arrived while loading. */
  remoteBuffer: Uint8Array[] = [];
  outgoing: Outgoing[] = [];
  awarenessLocal = new Set<number>();
  awarenessRemote = new Set<number>();
  flushScheduled = false;
  unloadTimer: NodeJS.Timeout | null = null;
  /** Yjs client id → user who writes under it (first writer since load); nobody writes as somebody else. */
  readonly clientOwners = new Map<number, string>();
  /** Set by the doc's 'update' listener: did the last applyUpdate change anything? */
  changed = false;
  /**
   * The stored snapshot this document was loaded from, while nothing else has happened to it: a client with an
   * empty state gets these bytes as its sync step 2 without re-encoding the document (cold loads).
   */
  pristineState: Uint8Array | null = null;
  /**
   * What the last changing transaction touched, by top-level type: map keys for entries of a top-level map, null
   * for anything else (text, nested types). Only kept for types that ask for it (`onStored`).
   */
  lastChange: Map<string, Set<string | null>> | null = null;

  constructor(readonly ref: ResolvedDoc) {
    // the server itself is never present in a room
    this.awareness.setLocalState(null);
    // not 'update': listening to it makes Yjs encode every transaction just to tell us something happened
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      let changed = tr.deleteSet.clients.size > 0;
      if (!changed) for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) changed = true;
      if (!changed) return;
      this.changed = true;
      this.pristineState = null;
      if (this.ref.policy.onStored) this.lastChange = rootChanges(this.doc, tr);
    });
  }

  get name(): string {
    return this.ref.name;
  }

  destroy(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** The top-level types a transaction changed, with the map keys changed directly under them (null otherwise). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
export function rootChanges(doc: Y.Doc, tr: Y.Transaction): Map<string, Set<string | null>> {
  const names = new Map<Y.AbstractType<any>, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const out = new Map<string, Set<string | null>>();
  for (const [type, keys] of tr.changed) {
    let root: Y.AbstractType<any> = type;
    let nested = false;
    while (root._item) {
      root = root._item.parent as Y.AbstractType<any>;
      nested = true;
    }
    const name = names.get(root);
    if (name === undefined) continue;
    let set = out.get(name);
    if (!set) out.set(name, (set = new Set()));
    if (nested) set.add(null);
    else for (const k of keys) set.add(k);
  }
  return out;
}
