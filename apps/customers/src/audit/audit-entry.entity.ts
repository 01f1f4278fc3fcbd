import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditAction {
  READ_PERSONAL_DATA = 'READ_PERSONAL_DATA',
  OWNER_CHANGED = 'OWNER_CHANGED',
  API_KEY_ISSUED = 'API_KEY_ISSUED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  /** P-3: the customer's personal data was exported (GET /customers/{id}/export). */
  EXPORT = 'EXPORT',
  /** P-3: the customer's personal data was erased, with the reason given. */
  ERASURE = 'ERASURE',
}

/** P-2: who read full personal data or changed ownership, what, and when. Append-only. */
@Entity({ name: 'audit_log' })
@Index('audit_log_subject', ['subjectId', 'at'])
@Index('audit_log_at', ['at', 'id'])
@Index('audit_log_actor', ['actor', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 'employee:<id>' or 'partner:<key id>' or 'system'. */
  @Column('text')
  actor: string;

  @Column('text')
  action: AuditAction;

  @Column('text')
  subjectType: string;

  @Column('uuid')
  subjectId: string;

  @Column('jsonb', { default: {} })
  detail: Record<string, unknown>;

  @Column('timestamptz')
  at: Date;
}
