import type { DomainEvent } from '@crm/events';
import type { FineToImpose } from './complaints.repository';

/** The fine.imposed events of newly booked fines (rewards books them in its ledger, R-4). */
export function fineEvents(fines: readonly (FineToImpose & { fineId: string })[], imposedAt: Date): DomainEvent<'fine.imposed'>[] {
  return fines.map((f) => ({
    name: 'fine.imposed' as const,
    payload: {
      fineId: f.fineId,
      employeeId: f.employeeId,
      departmentId: f.departmentId,
      amountFen: f.amountFen,
      rule: f.rule,
      sourceId: f.complaintId,
      imposedAt: imposedAt.toISOString(),
    },
  }));
}
