import { ApiProperty } from '@nestjs/swagger';
import { VisitPlanEntity, VisitPlanReason, VisitPlanStatus } from './visit-plan.entity';

/** A planned return visit (V-3) as answered: instants as ISO strings. */
export class VisitPlanView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: "The employee whose visit it is (the customer's owner)" })
  employeeId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The employee's department" })
  departmentId: string | null;

  @ApiProperty({ enum: VisitPlanReason, description: "The stage's cadence, or a follow-up after a complaint's resolution" })
  reason: VisitPlanReason;

  @ApiProperty({ type: String, nullable: true, description: 'The stage whose cadence planned it (S-1)', example: 'NEW' })
  stage: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The complaint followed up' })
  complaintId: string | null;

  @ApiProperty({ enum: VisitPlanStatus })
  status: VisitPlanStatus;

  @ApiProperty({ format: 'date-time', example: '2031-01-08T02:00:00.000Z' })
  dueAt: string;

  @ApiProperty({ format: 'date-time' })
  plannedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the visit-plans sweep found it overdue' })
  overdueAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The service record that made the visit' })
  serviceRecordId: string | null;
}

export function visitPlanView(p: VisitPlanEntity): VisitPlanView {
  return {
    id: p.id,
    customerId: p.customerId,
    employeeId: p.employeeId,
    departmentId: p.departmentId,
    reason: p.reason,
    stage: p.stage,
    complaintId: p.complaintId,
    status: p.status,
    dueAt: p.dueAt.toISOString(),
    plannedAt: p.plannedAt.toISOString(),
    overdueAt: p.overdueAt?.toISOString() ?? null,
    doneAt: p.doneAt?.toISOString() ?? null,
    serviceRecordId: p.serviceRecordId,
  };
}
