import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AccountKind, Language, Sector } from '@relab/shared';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: AccountKind;
  /** Professionals only; participants never give an e-mail address. */
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true, select: false }) passwordHash: string | null;
  /** For participants this is their chosen pseudonym. */
  @Column('text') displayName: string;
  @Column('text') language: Language;
  @Column('text', { nullable: true }) municipality: string | null;
  @Column('text', { nullable: true }) sector: Sector | null;
  @Column('boolean', { default: false }) canCreateLabs: boolean;
  @Column('boolean', { default: false }) isAdmin: boolean;
  @Column('text', { nullable: true, select: false }) recoveryCodeHash: string | null;
  @Column('timestamptz', { nullable: true }) disabledAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
