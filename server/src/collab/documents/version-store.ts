import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VersionKind, VersionSummary } from '@relab/shared';

interface VersionRow {
  id: string;
  doc_name: string;
  name: string;
  kind: VersionKind;
  created_at: Date;
  created_by_name: string | null;
}

/** Named versions of a document: full Yjs states, never changed once written. */
@Injectable()
export class VersionStore {
  constructor(private readonly db: DataSource) {}

  async save(doc: string, name: string, kind: VersionKind, userId: string | null, state: Uint8Array): Promise<VersionSummary> {
    const id = randomUUID();
    await this.db.query(`INSERT INTO collab_versions (id, doc_name, name, kind, data, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      doc,
      name,
      kind,
      Buffer.from(state),
      userId,
    ]);
    return (await this.summary(doc, id))!;
  }

  /** Deletes every version of a document (see DocumentManager.forgetHistory). */
  async purge(doc: string): Promise<void> {
    await this.db.query(`DELETE FROM collab_versions WHERE doc_name = $1`, [doc]);
  }

  async list(doc: string): Promise<VersionSummary[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT v.id, v.doc_name, v.name, v.kind, v.created_at, u.display_name AS created_by_name
       FROM collab_versions v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.doc_name = $1 ORDER BY v.created_at DESC, v.id LIMIT 500`,
      [doc],
    );
    return rows.map(toSummary);
  }

  async summary(doc: string, id: string): Promise<VersionSummary | null> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT v.id, v.doc_name, v.name, v.kind, v.created_at, u.display_name AS created_by_name
       FROM collab_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_name = $1 AND v.id = $2`,
      [doc, id],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async state(doc: string, id: string): Promise<Uint8Array | null> {
    const rows: Array<{ data: Buffer }> = await this.db.query(`SELECT data FROM collab_versions WHERE doc_name = $1 AND id = $2`, [doc, id]);
    return rows[0] ? new Uint8Array(rows[0].data) : null;
  }
}

function toSummary(r: VersionRow): VersionSummary {
  return { id: r.id, doc: r.doc_name, name: r.name, kind: r.kind, createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by_name };
}
