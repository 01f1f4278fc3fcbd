import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@crm/events';
import { Transactions } from '@crm/database';
import { COMPLAINTS_OPTIONS, ComplaintsOptions } from '../complaints-options';
import { ComplaintsRepository } from '../complaints/complaints.repository';
import { fineEvents } from '../complaints/fine-events';
import { finesOnBreach } from '../complaints/rules/fines';
import { SlaRepository } from './sla.repository';

export interface SlaSweepResult {
  /** Complaints breached by this run. */
  breached: number;
  finesImposed: number;
  complaintIds: string[];
}

/** complaintIds listed in a sweep's answer at most; the counts are always whole. */
const LISTED_IDS = 100;

/**
 * C-4: every pending complaint past its due time is breached once, its employee and the head of the department
 * that owned the customer at filing fined 500 yuan each, and `complaint.breached` (naming that department)
 * asks customers to transfer the customer to another. Each batch is one
 * transaction: the conditional UPDATE … RETURNING (SlaRepository.breachDue), the fines' INSERT and the outbox
 * INSERT, so a breach, its fines and its events exist together or not at all.
 */
@Injectable()
export class SlaService {
  constructor(
    private readonly transactions: Transactions,
    private readonly sla: SlaRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly outbox: OutboxWriter<'complaints'>,
    @Inject(COMPLAINTS_OPTIONS) private readonly options: ComplaintsOptions,
  ) {}

  async breachOverdue(now: Date): Promise<SlaSweepResult> {
    const result: SlaSweepResult = { breached: 0, finesImposed: 0, complaintIds: [] };
    for (;;) {
      const batch = await this.transactions.run(async (tx) => {
        const breached = await this.sla.breachDue(tx, now, this.options.slaBatchSize);
        const fines = breached.flatMap((c) => finesOnBreach(c).map((f) => ({ ...f, complaintId: c.id })));
        const booked = await this.complaints.imposeFines(tx, fines, now);
        await this.outbox.append(tx, [
          ...breached.map((c) => ({
            name: 'complaint.breached' as const,
            payload: {
              complaintId: c.id,
              customerId: c.customerId,
              employeeId: c.employeeId,
              departmentId: c.departmentId,
              customerDepartmentId: c.customerDepartmentId,
              filedAt: c.filedAt.toISOString(),
              dueAt: c.dueAt.toISOString(),
              breachedAt: now.toISOString(),
            },
          })),
          ...fineEvents(booked, now),
        ]);
        return { breached, fines: booked.length };
      });
      result.breached += batch.breached.length;
      result.finesImposed += batch.fines;
      result.complaintIds.push(...batch.breached.slice(0, LISTED_IDS - result.complaintIds.length).map((c) => c.id));
      if (batch.breached.length < this.options.slaBatchSize) return result;
    }
  }
}
