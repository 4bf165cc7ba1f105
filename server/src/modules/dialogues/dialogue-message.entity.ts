import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Language, LabRole, MessageStatus, Reaction } from '@relab/shared';

export type HeldBecause = 'pre' | 'first_n' | 'watched_word' | 'flags';

/**
 * A message of a dialogue. Erasure sets the author columns, body, language, mentions and client id to NULL/empty
 * and the status to `erased`; the row stays as the anonymous marker replies point at.
 */
@Entity({ name: 'dialogue_messages' })
export class DialogueMessage {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') dialogueId: string;
  @Column('integer') seq: number;
  @Column('bigint') rev: string;
  @Column('text') status: MessageStatus;
  @Column('uuid', { nullable: true }) authorMemberId: string | null;
  @Column('uuid', { nullable: true }) authorUserId: string | null;
  /** The author's lab role when they wrote (shown if they have left the lab since). */
  @Column('text', { nullable: true }) authorRole: LabRole | null;
  @Column('text', { nullable: true }) body: string | null;
  @Column('text', { nullable: true }) language: Language | null;
  @Column('uuid', { nullable: true }) replyTo: string | null;
  @Column('uuid', { array: true, default: () => "'{}'" }) mentions: string[];
  @Column('uuid', { nullable: true }) clientId: string | null;
  /** SHA-256 of the request a client id was first used for: a retry must match it. */
  @Column('text', { nullable: true }) clientHash: string | null;
  @Column('text', { nullable: true }) heldBecause: HeldBecause | null;
  @Column('text', { nullable: true }) rejectReason: string | null;
  /** Was visible to every participant at some point (approved): counts for first_n, and its erased marker is shown. */
  @Column('boolean', { default: false }) everPublished: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) moderatedAt: Date | null;
}

@Entity({ name: 'dialogue_reactions' })
export class DialogueReaction {
  @PrimaryColumn('uuid') messageId: string;
  @PrimaryColumn('uuid') memberId: string;
  @PrimaryColumn('text') reaction: Reaction;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'dialogue_flags' })
export class DialogueFlag {
  @PrimaryColumn('uuid') messageId: string;
  @PrimaryColumn('uuid') memberId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
