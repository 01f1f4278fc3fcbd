import { VisitPlanEntity } from './visit-plan.entity';

/** A visit plan as answered: instants as ISO strings. */
export function visitPlanView(p: VisitPlanEntity) {
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

export type VisitPlanView = ReturnType<typeof visitPlanView>;
