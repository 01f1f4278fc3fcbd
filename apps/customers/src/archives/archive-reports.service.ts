import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { maySeeFullPhone } from '../customers/personal-data-policy';
import { actorOf } from '../audit/actor';
import { maskPhone } from '../customers/phone';
import { chunks } from '../support/chunks';
import { ArchiveErrors } from './archive-errors';
import { ArchiveBatchEntity } from './archive-batch.entity';
import { ArchivesRepository, BatchCustomerRow } from './archives.repository';
import { AllocationView, ArchiveBatchReportView, BatchDuplicate, BatchInvalid } from './archives.view';

/** Code-unit order, as allocation.ts sorts employees: the same on every machine. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A batch belongs to its organising department, not to one employee: nobody sees it as its "owner". */
const NO_OWNER = '00000000-0000-0000-0000-000000000000';

/** Reading a batch (公开: the O-3 report and the O-4 allocation are open to inspection), masked per viewer. */
@Injectable()
export class ArchiveReportsService {
  constructor(
    private readonly archives: ArchivesRepository,
    private readonly audit: AuditService,
  ) {}

  async get(viewer: Principal | undefined, batchId: string): Promise<ArchiveBatchReportView> {
    const batch = await this.archives.findBatch(batchId);
    if (!batch) throw ArchiveErrors.ARCHIVE_BATCH_NOT_FOUND(`No archive batch ${batchId}`);
    const rows = await this.archives.batchCustomers(batchId);
    let allocation: AllocationView | null = null;
    if (batch.allocatedAt) {
      const event = await this.archives.findOutreachEvent(batch.outreachEventId);
      const byEmployee = new Map<string, string[]>((event?.participantIds ?? []).map((id) => [id, []]));
      for (const r of rows) {
        if (!r.employeeId) continue;
        const list = byEmployee.get(r.employeeId) ?? [];
        list.push(r.customerId);
        byEmployee.set(r.employeeId, list);
      }
      allocation = {
        batchId,
        allocatedAt: batch.allocatedAt.toISOString(),
        allocatedBy: batch.allocatedBy,
        allocations: [...byEmployee.keys()].sort(byCodeUnits).map((employeeId) => ({ employeeId, customerIds: byEmployee.get(employeeId)! })),
      };
    }
    return this.report(viewer, batch, rows, allocation);
  }

  /**
   * The O-3 report for a viewer. Phones of duplicates are shown whole to those who may see them (P-1: the CRM
   * centre, the organising department's head, ownership roles), masked to everyone else; every whole phone
   * of a customer shown is audited (P-2).
   */
  async report(viewer: Principal | undefined, batch: ArchiveBatchEntity, rows: BatchCustomerRow[], allocation: AllocationView | null): Promise<ArchiveBatchReportView> {
    const full = maySeeFullPhone(viewer, { ownerId: NO_OWNER, departmentId: batch.departmentId });
    const duplicates = (batch.duplicates as unknown as BatchDuplicate[]).map((d) => ({
      row: d.row,
      phone: full ? d.phone : maskPhone(d.phone),
      customerId: d.customerId,
      duplicateOf: d.duplicateOf,
      duplicateOfRow: d.duplicateOfRow ?? null,
    }));
    if (full) {
      const revealed = [...new Set(duplicates.map((d) => d.customerId).filter((id): id is string => id !== null))];
      for (const chunk of chunks(revealed)) {
        await this.audit.record(
          chunk.map((id) => ({
            actor: actorOf(viewer),
            action: AuditAction.READ_PERSONAL_DATA,
            subjectType: 'customer',
            subjectId: id,
            detail: { fields: ['phone'], via: `archive batch ${batch.id}` },
          })),
        );
      }
    }
    return {
      id: batch.id,
      outreachEventId: batch.outreachEventId,
      departmentId: batch.departmentId,
      submittedBy: batch.submittedBy,
      submittedAt: batch.submittedAt.toISOString(),
      accepted: batch.accepted,
      customers: rows.map((r) => ({ row: r.row, customerId: r.customerId, employeeId: r.employeeId })),
      duplicates,
      invalid: (batch.invalid as unknown as BatchInvalid[]).map((i) => ({ row: i.row, field: i.field, code: i.code, reason: i.reason })),
      allocation,
    };
  }
}
