import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Language, LifeDomain, ReflectionStatus, Sector } from '@relab/shared';

@Entity({ name: 'reflections' })
export class Reflection {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') labId: string;
  @Column('uuid') authorId: string;
  @Column('text') title: string;
  @Column('text') language: Language;
  @Column('text') status: ReflectionStatus;
  @Column('text', { array: true }) lifeDomains: LifeDomain[];
  @Column('text', { array: true }) tags: string[];
  @Column('uuid', { nullable: true }) reviewerId: string | null;
  @Column('text', { nullable: true }) reviewNote: string | null;
  @Column('uuid', { nullable: true }) approvedBy: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('timestamptz', { nullable: true }) sharedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A need-to-know part of a reflection, kept in its own Yjs document with its own access. */
@Entity({ name: 'reflection_sections' })
export class ReflectionSectionRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') reflectionId: string;
  @Column('text') title: string;
  @Column('text', { array: true }) allowedSectors: Sector[];
  @Column('uuid', { array: true }) allowedUserIds: string[];
  @Column('integer') position: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** The author's key, encrypted (AES-256-GCM). */
@Entity({ name: 'reflection_keys' })
export class ReflectionKeyRow {
  @PrimaryColumn('uuid') reflectionId: string;
  @Column('text') keyId: string;
  @Column('bytea') iv: Buffer;
  @Column('bytea') tag: Buffer;
  @Column('bytea') data: Buffer;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'reflection_templates' })
export class ReflectionTemplateRow {
  @PrimaryColumn('uuid') labId: string;
  @Column('jsonb') sections: unknown;
  @Column('uuid', { nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
