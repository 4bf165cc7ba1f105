import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Language, ModerationMode } from '@relab/shared';

/** A moderated dialogue of a lab. `rev` and `lastSeq` are its counters, bumped under this row's lock. */
@Entity({ name: 'dialogues' })
export class Dialogue {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') labId: string;
  @Column('text') title: string;
  @Column('text') groundRules: string;
  @Column('integer', { default: 1 }) groundRulesVersion: number;
  @Column('text', { array: true }) languages: Language[];
  @Column('text') mode: ModerationMode;
  @Column('integer') firstN: number;
  @Column('integer', { default: 0 }) slowModeSeconds: number;
  @Column('integer') flagThreshold: number;
  @Column('boolean', { default: false }) paused: boolean;
  @Column('text', { nullable: true }) pauseReason: string | null;
  /** bigint: read as a string by the driver. */
  @Column('bigint', { default: 0 }) rev: string;
  @Column('integer', { default: 0 }) lastSeq: number;
  /** When a message last became visible to every participant. */
  @Column('timestamptz', { nullable: true }) lastMessageAt: Date | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A lab member taking part in a dialogue; `moderator` counts only for practitioners (facilitators always moderate). */
@Entity({ name: 'dialogue_participants' })
export class DialogueParticipant {
  @PrimaryColumn('uuid') dialogueId: string;
  @PrimaryColumn('uuid') memberId: string;
  @Column('boolean', { default: false }) moderator: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) addedAt: Date;
}

/** A member's consent to one version of a dialogue's ground rules, with the hash of the text they accepted. */
@Entity({ name: 'dialogue_consents' })
export class DialogueConsent {
  @PrimaryColumn('uuid') dialogueId: string;
  @PrimaryColumn('uuid') memberId: string;
  @PrimaryColumn('integer') version: number;
  @Column('text') textHash: string;
  @CreateDateColumn({ type: 'timestamptz' }) consentedAt: Date;
}
