import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SessionEndReason = {
  LOGOUT: 'LOGOUT',
  /** A spent refresh token came back: somebody holds a copy, so the whole session ends. */
  REFRESH_REUSED: 'REFRESH_REUSED',
  PASSWORD_CHANGED: 'PASSWORD_CHANGED',
  EMPLOYEE_CHANGED: 'EMPLOYEE_CHANGED',
} as const;
export type SessionEndReason = (typeof SessionEndReason)[keyof typeof SessionEndReason];

/** One sign-in: it lives while its refresh tokens are used, until logout, theft detection or its hard limit. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  employeeId: string;

  /** The employee's session version at sign-in: once it is raised (moved, demoted, deactivated), the session is over. */
  @Column('int')
  employeeVersion: number;

  @Column('timestamptz')
  createdAt: Date;

  /** A session ends at the latest here, however often it is refreshed. */
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('text', { nullable: true })
  endReason: SessionEndReason | null;

  /** Where the sign-in came from, for the employee's own review of their sessions. */
  @Column('text', { nullable: true })
  address: string | null;
}

/** A refresh token, kept only as its SHA-256 hash; it works once, then is spent. */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryColumn('bytea')
  hash: Buffer;

  @Index()
  @Column('uuid')
  sessionId: string;

  @Column('timestamptz')
  issuedAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  spentAt: Date | null;
}
