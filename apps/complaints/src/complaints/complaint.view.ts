import { ComplaintEntity } from './complaint.entities';

/** A complaint as both transports answer it: instants as ISO strings. */
export function complaintView(c: ComplaintEntity) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: c.id,
    customerId: c.customerId,
    employeeId: c.employeeId,
    departmentId: c.departmentId,
    cause: c.cause,
    channel: c.channel,
    description: c.description,
    status: c.status,
    sla: c.sla,
    filedAt: c.filedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    resolvedAt: iso(c.resolvedAt),
    resolutionNote: c.resolutionNote,
    resolvedBy: c.resolvedBy,
    reopenedAt: iso(c.reopenedAt),
    reopenReason: c.reopenReason,
    breachedAt: iso(c.breachedAt),
  };
}

export type ComplaintView = ReturnType<typeof complaintView>;
