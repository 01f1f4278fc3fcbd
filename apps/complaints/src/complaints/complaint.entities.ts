import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FineRule } from '@crm/events';
import { ComplaintCause, ComplaintChannel, ComplaintStatus, SlaState } from './rules/complaint-enums';

/** A complaint (C-1) and where it stands: its resolution (C-5), its reopening (once) and its deadline (C-4). */
@Entity({ name: 'complaints' })
@Index('complaints_of_customer', ['customerId', 'filedAt'])
@Index('complaints_of_department', ['departmentId', 'filedAt'])
@Index('complaints_of_employee', ['employeeId', 'filedAt'])
// The complaint-sla sweep's only read: pending complaints by due time. Met and breached ones leave the index.
@Index('complaints_pending_due', ['dueAt'], { where: `"sla" = 'PENDING'` })
@Check('complaints_cause', `"cause" IN ('SERVICE_NOT_IN_PLACE', 'EMPLOYEE_SELFISHNESS', 'WORK_ATTITUDE', 'INTER_DEPARTMENT_DISPUTE', 'OTHER')`)
@Check('complaints_channel', `"channel" IN ('DISCOVERED', 'TO_GENERAL_MANAGER', 'HOTLINE', 'VISIT', 'PARTNER', 'OTHER')`)
@Check('complaints_status', `"status" IN ('OPEN', 'RESOLVED')`)
@Check('complaints_sla', `"sla" IN ('PENDING', 'MET', 'BREACHED')`)
@Check('complaints_resolved_has_note', `"status" = 'OPEN' OR ("resolved_at" IS NOT NULL AND "resolution_note" IS NOT NULL)`)
@Check('complaints_breach_has_time', `("sla" = 'BREACHED') = ("breached_at" IS NOT NULL)`)
export class ComplaintEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  customerId: string;

  /** The employee concerned. */
  @Column('uuid')
  employeeId: string;

  /** The employee's department when the complaint was filed (C-1). */
  @Column('uuid')
  departmentId: string;

  /**
   * The department that owned the customer when the complaint was filed (C-3, C-4): its head is fined, and the
   * breach moves the customer to another department. Complaints filed before it was kept hold the employee's
   * department, which their fines used.
   */
  @Column('uuid')
  customerDepartmentId: string;

  @Column('text')
  cause: ComplaintCause;

  @Column('text')
  channel: ComplaintChannel;

  @Column('text')
  description: string;

  @Column('text')
  status: ComplaintStatus;

  @Column('text')
  sla: SlaState;

  /** `employee:<id>` or `partner:<key id>`. */
  @Column('text')
  filedBy: string;

  @Column('timestamptz')
  filedAt: Date;

  /** C-4: filedAt + COMPLAINT_SLA_HOURS; a reopening keeps it. */
  @Column('timestamptz')
  dueAt: Date;

  /** The latest resolution (C-5). */
  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('text', { nullable: true })
  resolutionNote: string | null;

  @Column('uuid', { nullable: true })
  resolvedBy: string | null;

  /** Set once: a complaint is reopened at most once. */
  @Column('timestamptz', { nullable: true })
  reopenedAt: Date | null;

  @Column('uuid', { nullable: true })
  reopenedBy: string | null;

  @Column('text', { nullable: true })
  reopenReason: string | null;

  @Column('timestamptz', { nullable: true })
  breachedAt: Date | null;
}

/** What someone did about a complaint (C-5), the employee it names included; the resolution is another's act. */
@Entity({ name: 'complaint_actions' })
@Index('complaint_actions_of_complaint', ['complaintId', 'recordedAt'])
export class ComplaintActionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @Column('text')
  note: string;

  /** The employee who recorded it. */
  @Column('uuid')
  recordedBy: string;

  @Column('timestamptz')
  recordedAt: Date;
}

/**
 * Every fine a complaint imposed (C-2, C-3, C-4): the key allows each rule to fine each person once per
 * complaint, whatever runs twice; `fine_id` is the fine.imposed event's fineId, which rewards books once.
 */
@Entity({ name: 'complaint_fines' })
export class ComplaintFineEntity {
  @PrimaryColumn('uuid')
  complaintId: string;

  @PrimaryColumn('text')
  rule: Extract<FineRule, 'C-2' | 'C-3' | 'C-4'>;

  @PrimaryColumn('uuid')
  employeeId: string;

  @Column('uuid', { unique: true })
  fineId: string;

  /** The department of the person fined: the employee's, or the customer's for its head (C-3, C-4). */
  @Column('uuid')
  departmentId: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  @Column('timestamptz')
  imposedAt: Date;
}
