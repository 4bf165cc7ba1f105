import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';

export interface StoredUpdate {
  doc: string;
  data: Uint8Array;
  userId: string | null;
}

export interface CompactionResult {
  merged: number;
  generation: number;
}

export class PendingStructsError extends Error {}

/**
 * PostgreSQL storage of Yjs documents: an append-only update log (`collab_updates`), one compacted snapshot per
 * document (`collab_snapshots`, guarded by a generation counter) and named versions (`collab_versions`).
 */
@Injectable()
export class CollabStore {
  constructor(private readonly db: DataSource) {}

  /** The driver's pg pool: the hot path skips TypeORM's per-query runner (same pool, same connection limit). */
  private get pool(): { query(sql: string, params: unknown[]): Promise<{ rows: Array<{ id: string }> }> } {
    return (this.db.driver as unknown as { master: { query(sql: string, params: unknown[]): Promise<{ rows: Array<{ id: string }> }> } }).master;
  }

  /** One INSERT for many updates (group commit). Returns the ids in input order. */
  async appendMany(rows: StoredUpdate[]): Promise<string[]> {
    const { rows: result } = await this.pool.query(
      `INSERT INTO collab_updates (doc_name, data, user_id)
       SELECT d, b, u FROM unnest($1::text[], $2::bytea[], $3::uuid[]) WITH ORDINALITY AS t(d, b, u, n) ORDER BY n
       RETURNING id`,
      [rows.map((r) => r.doc), rows.map((r) => Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength)), rows.map((r) => r.userId)],
    );
    return result.map((r) => String(r.id)).sort((a, b) => Number(BigInt(a) - BigInt(b)));
  }

  /**
   * The document as stored: snapshot + every update not yet compacted, read in ONE statement so a concurrent
   * compaction (which deletes merged rows in the same transaction that writes the snapshot) cannot be seen half-way.
   */
  async load(doc: string, into: Y.Doc): Promise<{ updates: number; snapshot: Uint8Array | null }> {
    const rows: Array<{ kind: number; data: Buffer }> = await this.db.query(
      `SELECT 0 AS kind, NULL::bigint AS id, data FROM collab_snapshots WHERE doc_name = $1
       UNION ALL
       SELECT 1 AS kind, id, data FROM collab_updates WHERE doc_name = $1
       ORDER BY kind, id`,
      [doc],
    );
    const updates = rows.filter((r) => r.kind === 1).length;
    Y.transact(into, () => {
      for (const row of rows) Y.applyUpdate(into, row.data);
    }, 'load');
    if (into.store.pendingStructs || into.store.pendingDs) throw new PendingStructsError(`document has pending structs after load`);
    const only = rows.length === 1 && rows[0]!.kind === 0 ? rows[0]!.data : null;
    return { updates, snapshot: only ? new Uint8Array(only.buffer, only.byteOffset, only.byteLength) : null };
  }

  /**
   * Merges the update log into the snapshot under a per-document advisory lock. The snapshot write is a
   * compare-and-swap on its generation, so a merge that started from an older snapshot can never overwrite a
   * newer one; only the rows actually merged are deleted (ids are not commit-ordered across processes).
   */
  async compact(doc: string): Promise<CompactionResult | null> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7001))`, [doc]);
      const snap: Array<{ data: Buffer; generation: string }> = await m.query(
        `SELECT data, generation FROM collab_snapshots WHERE doc_name = $1`,
        [doc],
      );
      const rows: Array<{ id: string; data: Buffer }> = await m.query(
        `SELECT id, data FROM collab_updates WHERE doc_name = $1 ORDER BY id`,
        [doc],
      );
      if (rows.length === 0) return null;
      const ydoc = new Y.Doc();
      try {
        Y.transact(ydoc, () => {
          if (snap[0]) Y.applyUpdate(ydoc, snap[0].data);
          for (const r of rows) Y.applyUpdate(ydoc, r.data);
        });
        if (ydoc.store.pendingStructs || ydoc.store.pendingDs) throw new PendingStructsError('refusing to compact a document with pending structs');
        const state = Y.encodeStateAsUpdate(ydoc);
        const previous = snap[0] ? Number(snap[0].generation) : 0;
        const written: Array<{ generation: string }> = await m.query(
          `INSERT INTO collab_snapshots (doc_name, data, generation) VALUES ($1, $2, $3)
           ON CONFLICT (doc_name) DO UPDATE SET data = EXCLUDED.data, generation = EXCLUDED.generation, updated_at = now()
           WHERE collab_snapshots.generation = $4
           RETURNING generation`,
          [doc, Buffer.from(state), previous + 1, previous],
        );
        if (written.length === 0) return null;
        await m.query(`DELETE FROM collab_updates WHERE doc_name = $1 AND id = ANY($2::bigint[])`, [doc, rows.map((r) => r.id)]);
        return { merged: rows.length, generation: previous + 1 };
      } finally {
        ydoc.destroy();
      }
    });
  }

  async countUpdates(doc: string): Promise<number> {
    const [row]: Array<{ n: string }> = await this.db.query(`SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1`, [doc]);
    return Number(row!.n);
  }
}
