import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Language, LabRole, Sector } from '@relab/shared';

export type InvitationKind = 'professional' | 'participant';

/** An invitation to a lab. Only the SHA-256 of its secret (token or join code) is stored. */
@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') labId: string;
  @Column('text') kind: InvitationKind;
  @Column('text') role: LabRole;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) sector: Sector | null;
  @Column('text', { nullable: true }) language: Language | null;
  /** A moderated dialogue of the lab the invitee enters on joining (issue 6). */
  @Column('uuid', { nullable: true }) dialogueId: string | null;
  @Column('text', { select: false }) secretHash: string;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  @Column('uuid', { nullable: true }) usedBy: string | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
