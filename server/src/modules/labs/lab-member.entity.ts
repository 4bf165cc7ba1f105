import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LabRole, Sector } from '@relab/shared';
import { User } from '../identity/user.entity.js';

@Entity({ name: 'lab_members' })
export class LabMember {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') labId: string;
  @Column('uuid') userId: string;
  @Column('text') role: LabRole;
  /** The sector the practitioner acts in within this lab (defaults to the account's sector). */
  @Column('text', { nullable: true }) sector: Sector | null;
  @CreateDateColumn({ type: 'timestamptz' }) joinedAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
