import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AgendaKind, Language, Recurrence, SessionStatus } from '@relab/shared';

/** A planned meeting of a lab; its live state (current item, timer) lives on the same row, in PostgreSQL. */
@Entity({ name: 'lab_sessions' })
export class LabSession {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') labId: string;
  @Column('uuid') seriesId: string;
  @Column('text') title: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text') timeZone: string;
  @Column('text', { nullable: true }) location: string | null;
  @Column('text', { nullable: true }) onlineUrl: string | null;
  @Column('text') recurrence: Recurrence;
  @Column('text', { default: 'planned' }) status: SessionStatus;
  /** iCalendar SEQUENCE: raised on every change a calendar should pick up. */
  @Column('integer', { default: 0 }) sequence: number;
  @Column('uuid', { nullable: true }) currentItemId: string | null;
  @Column('timestamptz', { nullable: true }) itemStartedAt: Date | null;
  /** No timer when null. */
  @Column('integer', { nullable: true }) timerTotalSeconds: number | null;
  /** What is left when paused; what was left when it was started, when running. */
  @Column('integer', { nullable: true }) timerRemainingSeconds: number | null;
  /** Set only while the timer runs. */
  @Column('timestamptz', { nullable: true }) timerEndsAt: Date | null;
  @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { nullable: true }) endedAt: Date | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One timed agenda item; `coveredAt` is when it first became the current item. */
@Entity({ name: 'lab_session_items' })
export class SessionItem {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') sessionId: string;
  @Column('integer') position: number;
  @Column('text') title: string;
  @Column('integer') minutes: number;
  @Column('text') kind: AgendaKind;
  @Column('uuid', { nullable: true }) refId: string | null;
  @Column('timestamptz', { nullable: true }) coveredAt: Date | null;
  @Column('integer', { default: 0 }) spentSeconds: number;
}

@Entity({ name: 'lab_session_hands' })
export class SessionHand {
  @PrimaryColumn('uuid') sessionId: string;
  @PrimaryColumn('uuid') memberId: string;
  @Column('timestamptz') raisedAt: Date;
}

@Entity({ name: 'lab_session_attendance' })
export class SessionAttendance {
  @PrimaryColumn('uuid') sessionId: string;
  @PrimaryColumn('uuid') memberId: string;
  @Column('timestamptz') firstSeenAt: Date;
  @Column('timestamptz') lastSeenAt: Date;
  @Column('boolean', { default: true }) present: boolean;
}

/** The automatic version saved of one document when the session ended. */
@Entity({ name: 'lab_session_versions' })
export class SessionVersion {
  @PrimaryColumn('uuid') sessionId: string;
  @PrimaryColumn('integer') position: number;
  @Column('text') docName: string;
  @Column('text') title: string;
  @Column('uuid', { nullable: true }) versionId: string | null;
}

/** A lab's ground rules from version 2 on (version 1 is DEFAULT_GROUND_RULES). */
@Entity({ name: 'lab_ground_rules' })
export class GroundRulesRow {
  @PrimaryColumn('uuid') labId: string;
  @PrimaryColumn('integer') version: number;
  @Column('jsonb') texts: Record<Language, string>;
  @Column('uuid', { nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'lab_ground_rule_consents' })
export class GroundRulesConsent {
  @PrimaryColumn('uuid') memberId: string;
  @PrimaryColumn('integer') version: number;
  @Column('uuid') labId: string;
  @Column('text') language: Language;
  @Column('text') textHash: string;
  @Column('timestamptz') consentedAt: Date;
}

export const SESSION_ENTITIES = [LabSession, SessionItem, SessionHand, SessionAttendance, SessionVersion, GroundRulesRow, GroundRulesConsent];
