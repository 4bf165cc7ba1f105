import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  actorId: string | null;
  labId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: 'success' | 'denied';
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  /** Id of the first row whose hash or link does not match, when not ok. */
  brokenAt?: string;
}

/** Writes to and verifies the audit log. The id, time and hash chain are set by the database. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditRecord): Promise<void> {
    // placeholders: the BEFORE INSERT trigger overwrites id, at, prev_hash and hash
    await this.db.getRepository(AuditEntry).insert({ ...entry, id: '0', at: new Date(0), prevHash: '', hash: '' });
  }

  /** Recomputes every row's hash and link in the database; any edited, deleted or inserted row shows. */
  async verifyChain(): Promise<ChainCheck> {
    const rows: Array<{ id: string; ok: boolean }> = await this.db.query(`
      SELECT id::text AS id,
             hash = audit_log_row_hash(prev_hash, id, at, actor_id, lab_id, action, resource_type, resource_id, outcome)
             AND prev_hash = coalesce(lag(hash) OVER (ORDER BY id), repeat('0', 64)) AS ok
      FROM audit_log ORDER BY id`);
    const broken = rows.find((r) => !r.ok);
    return broken ? { ok: false, rows: rows.length, brokenAt: broken.id } : { ok: true, rows: rows.length };
  }

  forLab(labId: string, limit = 200): Promise<AuditEntry[]> {
    return this.db.getRepository(AuditEntry).find({ where: { labId }, order: { id: 'DESC' }, take: limit });
  }
}
