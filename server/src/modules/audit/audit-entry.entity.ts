import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only audit log: who did what to which resource, never the content. */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  /** Set by the database trigger, together with `at`, `prevHash` and `hash`. */
  @PrimaryColumn('bigint') id: string;
  @Column('timestamptz') at: Date;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('uuid', { nullable: true }) labId: string | null;
  @Column('text') action: string;
  @Column('text', { nullable: true }) resourceType: string | null;
  @Column('text', { nullable: true }) resourceId: string | null;
  @Column('text') outcome: 'success' | 'denied';
  @Column('text') prevHash: string;
  @Column('text') hash: string;
}
