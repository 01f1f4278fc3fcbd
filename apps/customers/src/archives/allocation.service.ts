import { Injectable } from '@nestjs/common';
import { isEmployee, Principal, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { actorOf } from '../audit/actor';
import { OrganisationService } from '../organisation/organisation.service';
import { OwnershipService } from '../ownership/ownership.service';
import { ArchiveErrors } from './archive-errors';
import { Allocation, allocateEvenly, AllocationError } from './allocation';
import { ArchivesRepository } from './archives.repository';
import { AllocationView } from './archives.view';

/**
 * O-4: the new customers of a batch go evenly to the outreach event's participants, once. The batch records
 * who got whom; the ownership writer moves the owners (rows, history, audit and events) in a few statements.
 */
@Injectable()
export class AllocationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly archives: ArchivesRepository,
    private readonly organisation: OrganisationService,
    private readonly ownership: OwnershipService,
    private readonly clock: Clock,
  ) {}

  async allocate(viewer: Principal | undefined, batchId: string): Promise<AllocationView> {
    const actorId = isEmployee(viewer) ? viewer.employeeId : null;
    return this.transactions.run(async (tx) => {
      const batch = await this.archives.findBatchForUpdate(batchId, tx);
      if (!batch) throw ArchiveErrors.ARCHIVE_BATCH_NOT_FOUND(`No archive batch ${batchId}`);
      if (isEmployee(viewer) && viewer.role !== Role.ADMIN && viewer.departmentId !== batch.departmentId) {
        throw ArchiveErrors.BATCH_NOT_IN_DEPARTMENT(`Batch ${batchId} belongs to department ${batch.departmentId}`);
      }
      if (batch.allocatedAt) {
        throw ArchiveErrors.BATCH_ALREADY_ALLOCATED(`Batch ${batchId} was allocated at ${batch.allocatedAt.toISOString()}`, {
          allocatedAt: batch.allocatedAt.toISOString(),
          allocatedBy: batch.allocatedBy,
        });
      }
      const event = await this.archives.findOutreachEvent(batch.outreachEventId, tx);
      if (!event) throw ArchiveErrors.OUTREACH_EVENT_NOT_FOUND(`No outreach event ${batch.outreachEventId}`);
      const participants = [...new Set(event.participantIds)];
      const employees = new Map((await this.organisation.employeesByIds(participants)).map((e) => [e.id, e]));
      const missing = participants.filter((id) => !employees.get(id)?.departmentId);
      if (missing.length) {
        throw ArchiveErrors.PARTICIPANT_NOT_AN_EMPLOYEE(`Not employees with a department: ${missing.join(', ')}`, { employeeIds: missing });
      }

      // Participants who have left since the event take no share (O-4 among those still here).
      const active = participants.filter((id) => !employees.get(id)!.deactivatedAt);

      const customers = await this.archives.allocatableCustomers(tx, batchId);
      let allocations: Allocation[];
      try {
        allocations = allocateEvenly(customers.map((c) => c.customerId), active, batch.id);
      } catch (e) {
        if (e instanceof AllocationError) throw ArchiveErrors.ALLOCATION_IMPOSSIBLE(e.message, { reason: e.code });
        throw e;
      }
      const employeeOf = new Map<string, string>();
      for (const a of allocations) for (const id of a.customerIds) employeeOf.set(id, a.employeeId);
      const moves = customers.map((c) => {
        const employeeId = employeeOf.get(c.customerId)!;
        return {
          customerId: c.customerId,
          from: { ownerId: c.ownerId, departmentId: c.departmentId },
          to: { ownerId: employeeId, departmentId: employees.get(employeeId)!.departmentId! },
        };
      });

      const now = this.clock.now();
      await this.archives.recordAllocation(tx, batchId, moves.map((m) => ({ customerId: m.customerId, employeeId: m.to.ownerId })), actorId, now);
      await this.ownership.allocate(tx, moves, { allocationId: batchId, actor: actorOf(viewer), actorId, at: now });
      return { batchId, allocatedAt: now.toISOString(), allocatedBy: actorId, allocations };
    });
  }
}
