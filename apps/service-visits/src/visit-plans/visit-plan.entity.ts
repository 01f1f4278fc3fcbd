import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum VisitPlanStatus {
  DUE = 'DUE',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
  /** Replaced: the stage changed before the visit was made, so its cadence no longer applies. */
  CANCELLED = 'CANCELLED',
}

export enum VisitPlanReason {
  /** The stage's cadence (V-3). */
  CADENCE = 'CADENCE',
  /** Within a day of a complaint's resolution (V-3, C-5). */
  COMPLAINT_FOLLOW_UP = 'COMPLAINT_FOLLOW_UP',
}

/** A planned return visit (V-3), the owner's to make, tracked as due, done or overdue. */
@Entity({ name: 'visit_plans' })
@Index('visit_plans_of_employee', ['employeeId', 'status', 'dueAt'])
@Index('visit_plans_of_customer', ['customerId', 'status'])
// The visit-plans sweep reads only open plans by due time.
@Index('visit_plans_due', ['dueAt'], { where: `"status" = 'DUE'` })
// One open cadence plan per customer: a redelivered or concurrent event cannot plan a second.
@Index('visit_plans_one_open_cadence', ['customerId'], { unique: true, where: `"reason" = 'CADENCE' AND "status" IN ('DUE', 'OVERDUE')` })
@Check('visit_plans_status', `"status" IN ('DUE', 'DONE', 'OVERDUE', 'CANCELLED')`)
export class VisitPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  customerId: string;

  @Column('uuid')
  employeeId: string;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @Column('text')
  reason: VisitPlanReason;

  /** The stage whose cadence planned it, or the complaint followed up. */
  @Column('text', { nullable: true })
  stage: string | null;

  @Column('uuid', { nullable: true })
  complaintId: string | null;

  @Column('text')
  status: VisitPlanStatus;

  @Column('timestamptz')
  dueAt: Date;

  @Column('timestamptz')
  plannedAt: Date;

  @Column('timestamptz', { nullable: true })
  overdueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;

  /** The service record that made the visit. */
  @Column('uuid', { nullable: true })
  serviceRecordId: string | null;
}
