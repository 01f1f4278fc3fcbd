import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum TakeoverStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}

/**
 * V-2: an employee of another department invited an under-served customer; the resource director decides
 * whether the customer moves to them. One report per invitation (campaigns' `takeover.reported`).
 */
@Entity({ name: 'takeover_reports' })
@Index('takeover_reports_status_created', ['status', 'createdAt', 'id'])
@Index('takeover_reports_created', ['createdAt', 'id'])
export class TakeoverReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The invitation that filed it: the idempotency key of the report. */
  @Index('takeover_reports_invitation', { unique: true })
  @Column('uuid')
  invitationId: string;

  @Column('uuid')
  meetingId: string;

  @Index()
  @Column('uuid')
  customerId: string;

  /** The owner and department the customer had when invited: the department that was reported. */
  @Column('uuid')
  ownerId: string;

  @Column('uuid')
  departmentId: string;

  @Column('uuid')
  reportingEmployeeId: string;

  @Column('uuid')
  reportingDepartmentId: string;

  @Column('text')
  status: TakeoverStatus;

  /** When the invitation reported it (campaigns' time); lists are ordered by it. */
  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  /** The employee who decided. */
  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('text', { nullable: true })
  declineReason: string | null;
}
