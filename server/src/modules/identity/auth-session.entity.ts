import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A server-side login session. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ name: 'auth_sessions' })
export class AuthSession {
  @PrimaryColumn('text') idHash: string;
  @Column('uuid') userId: string;
  @Column('text') csrfToken: string;
  /** Participants' device sessions outlive the browser; professionals' end with it. */
  @Column('boolean') persistent: boolean;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') lastSeenAt: Date;
  /** Absolute expiry; the idle time-out is checked against lastSeenAt. */
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
