import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isEmployee, Principal, Role } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { OutboxWriter } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { CustomerEntity, CustomerSource, CustomerStage } from '../customers/customer.entity';
import { CustomersRepository } from '../customers/customers.repository';
import { CustomersService } from '../customers/customers.service';
import { actorOf, maySeeFullPhone } from '../customers/personal-data-policy';
import { maskPhone, normalizeMainlandMobile } from '../customers/phone';
import { OrganisationService } from '../organisation/organisation.service';
import { ArchiveErrors } from './archive-errors';
import { ArchiveBatchEntity } from './archive-batch.entity';
import { ArchiveBatchRow, classifyBatch, numberRecords, parseArchiveCsv } from './archive-record';
import { Allocation, allocateEvenly, AllocationError } from './allocation';
import { ArchiveBatchInput } from './archives.dto';
import { ArchivesRepository, BatchCustomerRow, chunks, NewArchiveCustomer } from './archives.repository';

export const ARCHIVES_OPTIONS = Symbol('ARCHIVES_OPTIONS');

export interface ArchivesOptions {
  /** BUSINESS_TZ: "today" for birth-date checks is the company's date. */
  businessTz: string;
  /** Most records one batch may hold; a larger file is split by the clerk. */
  maxRows?: number;
}

export const DEFAULT_MAX_BATCH_ROWS = 50_000;

/** How a duplicate row is kept in the batch's report (O-3). */
export interface BatchDuplicate {
  row: number;
  /** E.164, stored whole; masked per viewer when shown (P-1). */
  phone: string;
  duplicateOf: 'EXISTING_CUSTOMER' | 'EARLIER_ROW';
  /** The customer the phone belongs to (for EARLIER_ROW, the one the earlier row created). */
  customerId: string | null;
  duplicateOfRow: number | null;
}

export interface BatchInvalid {
  row: number;
  field: string;
  code: string;
  reason: string;
}

export interface AllocationView {
  batchId: string;
  allocatedAt: string;
  allocatedBy: string | null;
  allocations: Allocation[];
}

/** The phone of a row as the duplicate check will see it, whatever the row's other fields say. */
function candidatePhone(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const raw = (record as { phone?: unknown }).phone;
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof text !== 'string') return null;
  const parsed = normalizeMainlandMobile(text);
  return parsed.ok ? parsed.e164 : null;
}

/** Code-unit order, as allocation.ts sorts employees: the same on every machine. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Archives from outreach events (O-1..O-4): entering a batch (validation, duplicates, new customers held by
 * the organising department's head) and allocating it evenly among the event's participants.
 */
@Injectable()
export class ArchivesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly archives: ArchivesRepository,
    private readonly customers: CustomersRepository,
    private readonly customersService: CustomersService,
    private readonly organisation: OrganisationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(ARCHIVES_OPTIONS) private readonly options: ArchivesOptions,
  ) {}

  // ------------------------------------------------------------------------------------------------------
  // O-2, O-3: entering a batch
  // ------------------------------------------------------------------------------------------------------

  async submit(viewer: Principal | undefined, input: ArchiveBatchInput) {
    const event = await this.archives.findOutreachEvent(input.outreachEventId);
    if (!event) throw ArchiveErrors.OUTREACH_EVENT_NOT_FOUND(`No outreach event ${input.outreachEventId} is known here (yet)`);
    if (!event.participantIds.length) throw ArchiveErrors.OUTREACH_EVENT_HAS_NO_PARTICIPANTS(`Outreach event ${event.id} lists no participants to allocate to`);
    const [department] = await this.organisation.departmentsByIds([event.departmentId]);
    if (!department) throw ArchiveErrors.OUTREACH_DEPARTMENT_NOT_FOUND(`No department ${event.departmentId}`);
    if (!department.headId) {
      throw ArchiveErrors.DEPARTMENT_HAS_NO_HEAD(`${department.name} has no head; set one with PATCH /api/v1/departments/${department.id}`);
    }
    const headId = department.headId;
    const { rows, ignoredColumns } = this.rowsOf(input);

    const now = this.clock.now();
    const today = businessDate(now, this.options.businessTz);
    const phones = [...new Set(rows.map((r) => candidatePhone(r.record)).filter((p): p is string => p !== null))];
    const submittedBy = isEmployee(viewer) ? viewer.employeeId : null;
    const batchId = randomUUID();

    const { batch, created } = await this.dataSource.transaction(async (manager) => {
      // O-3 against existing customers: one query for the whole batch.
      const existing = await this.customers.idsByPhones(phones, manager);
      const sorted = classifyBatch(rows, existing, today);
      const fresh: (NewArchiveCustomer & { row: number })[] = sorted.accepted.map((a) => ({ id: randomUUID(), row: a.row, ...a.record }));
      const stored = await this.archives.insertCustomers(manager, fresh, {
        ownerId: headId,
        departmentId: department.id,
        source: CustomerSource.OUTREACH,
        stage: CustomerStage.POTENTIAL,
        at: now,
      });
      // A phone another batch stored since our lookup: the unique index decided; that row is a duplicate of
      // the winner (READ COMMITTED: this statement sees the winner's committed row).
      const lost = fresh.filter((f) => stored.get(f.phone) !== f.id);
      const winners = lost.length ? await this.customers.idsByPhones(lost.map((l) => l.phone), manager) : new Map<string, string>();
      const lostPhones = new Set(lost.map((l) => l.phone));

      const duplicates: BatchDuplicate[] = [];
      const createdRows: (NewArchiveCustomer & { row: number })[] = [];
      for (const f of fresh) {
        if (!lostPhones.has(f.phone)) {
          createdRows.push(f);
          continue;
        }
        const winner = winners.get(f.phone);
        if (!winner) throw ArchiveErrors.CONCURRENT_ARCHIVE_CHANGE(`The customer with the phone of row ${f.row} changed while the batch was stored`);
        duplicates.push({ row: f.row, phone: f.phone, duplicateOf: 'EXISTING_CUSTOMER', customerId: winner, duplicateOfRow: null });
      }
      for (const d of sorted.duplicates) {
        if (d.duplicateOf === 'EARLIER_ROW' && lostPhones.has(d.phone)) {
          // The earlier row lost its phone to another batch: this row is a duplicate of that customer too.
          duplicates.push({ row: d.row, phone: d.phone, duplicateOf: 'EXISTING_CUSTOMER', customerId: winners.get(d.phone) ?? null, duplicateOfRow: null });
        } else {
          duplicates.push({ row: d.row, phone: d.phone, duplicateOf: d.duplicateOf, customerId: d.customerId ?? stored.get(d.phone) ?? null, duplicateOfRow: d.duplicateOfRow });
        }
      }
      duplicates.sort((a, b) => a.row - b.row);
      const invalid: BatchInvalid[] = sorted.invalid.map((i) => ({ row: i.row, field: i.field, code: i.code, reason: i.reason }));

      const batch: ArchiveBatchEntity = {
        id: batchId,
        outreachEventId: event.id,
        departmentId: department.id,
        submittedBy,
        submittedAt: now,
        accepted: createdRows.length,
        // Stored with the fields the report shows (duplicateOf, code) beside the entity's declared ones.
        duplicates: duplicates as unknown as ArchiveBatchEntity['duplicates'],
        invalid,
        allocatedAt: null,
        allocatedBy: null,
      };
      await this.archives.insertBatch(manager, batch);
      await this.archives.insertBatchCustomers(manager, batchId, createdRows.map((c) => ({ row: c.row, customerId: c.id })));
      for (const chunk of chunks(createdRows)) {
        await this.archives.insertOwnerHistory(
          manager,
          chunk.map((c) => ({ customerId: c.id, fromValue: null, toValue: headId })),
          { cause: `archive batch ${batchId} of outreach event ${event.id} (O-2): held by the department head until allocation`, actorId: submittedBy, at: now },
        );
        const events = chunk.flatMap((c) =>
          this.customersService.registeredEvents(
            {
              id: c.id,
              ownerId: headId,
              departmentId: department.id,
              referrerId: null,
              source: CustomerSource.OUTREACH,
              stage: CustomerStage.POTENTIAL,
              createdAt: now,
            } as CustomerEntity,
            event.id,
            submittedBy,
          ),
        );
        await this.outbox.append(manager, events);
      }
      return { batch, created: createdRows };
    });

    const view = await this.batchView(viewer, batch, created.map((c) => ({ row: c.row, customerId: c.id, employeeId: null })), null);
    return ignoredColumns.length ? { ...view, ignoredColumns } : view;
  }

  private rowsOf(input: ArchiveBatchInput): { rows: ArchiveBatchRow[]; ignoredColumns: string[] } {
    let rows: ArchiveBatchRow[];
    let ignoredColumns: string[] = [];
    if ('csv' in input) {
      const parsed = parseArchiveCsv(input.csv);
      if (!parsed.ok) throw ArchiveErrors.ARCHIVE_CSV_INVALID(parsed.reason, { reason: parsed.code });
      rows = parsed.rows.map((r) => ({ row: r.row, record: r.record, problems: r.problems }));
      ignoredColumns = parsed.ignoredColumns;
    } else {
      rows = numberRecords(input.records);
    }
    if (!rows.length) throw ArchiveErrors.ARCHIVE_BATCH_EMPTY('The batch holds no records');
    const max = this.options.maxRows ?? DEFAULT_MAX_BATCH_ROWS;
    if (rows.length > max) throw ArchiveErrors.ARCHIVE_BATCH_TOO_LARGE(`A batch holds at most ${max} records; this one has ${rows.length}`);
    return { rows, ignoredColumns };
  }

  // ------------------------------------------------------------------------------------------------------
  // O-4: allocation
  // ------------------------------------------------------------------------------------------------------

  async allocate(viewer: Principal | undefined, batchId: string): Promise<AllocationView> {
    const actorId = isEmployee(viewer) ? viewer.employeeId : null;
    return this.dataSource.transaction(async (manager) => {
      const batch = await this.archives.findBatchForUpdate(batchId, manager);
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
      const event = await this.archives.findOutreachEvent(batch.outreachEventId, manager);
      if (!event) throw ArchiveErrors.OUTREACH_EVENT_NOT_FOUND(`No outreach event ${batch.outreachEventId}`);
      const participants = [...new Set(event.participantIds)];
      const employees = new Map((await this.organisation.employeesByIds(participants)).map((e) => [e.id, e]));
      const missing = participants.filter((id) => !employees.get(id)?.departmentId);
      if (missing.length) {
        throw ArchiveErrors.PARTICIPANT_NOT_AN_EMPLOYEE(`Not employees with a department: ${missing.join(', ')}`, { employeeIds: missing });
      }

      const customers = await this.archives.allocatableCustomers(manager, batchId);
      let allocations: Allocation[];
      try {
        allocations = allocateEvenly(customers.map((c) => c.customerId), participants, batch.id);
      } catch (e) {
        if (e instanceof AllocationError) throw ArchiveErrors.ALLOCATION_IMPOSSIBLE(e.message, { reason: e.code });
        throw e;
      }
      const employeeOf = new Map<string, string>();
      for (const a of allocations) for (const id of a.customerIds) employeeOf.set(id, a.employeeId);
      const assignments = customers.map((c) => {
        const employeeId = employeeOf.get(c.customerId)!;
        return { ...c, employeeId, toDepartmentId: employees.get(employeeId)!.departmentId! };
      });

      const now = this.clock.now();
      await this.archives.recordAllocation(
        manager,
        batchId,
        assignments.map((a) => ({ customerId: a.customerId, employeeId: a.employeeId, departmentId: a.toDepartmentId })),
        actorId,
        now,
      );
      const cause = `allocation of batch ${batchId}`;
      for (const chunk of chunks(assignments)) {
        const changed = chunk.filter((a) => a.ownerId !== a.employeeId);
        await this.archives.insertOwnerHistory(
          manager,
          changed.map((a) => ({ customerId: a.customerId, fromValue: a.ownerId, toValue: a.employeeId })),
          { cause, actorId, at: now },
        );
        await this.archives.insertAudit(
          manager,
          changed.map((a) => ({ subjectId: a.customerId, detail: { from: a.ownerId, to: a.employeeId, cause: 'ALLOCATION', causeId: batchId } })),
          { actor: actorOf(viewer), action: AuditAction.OWNER_CHANGED, at: now },
        );
        await this.outbox.append(
          manager,
          chunk.map((a) => ({
            name: 'customer.assigned' as const,
            payload: {
              customerId: a.customerId,
              ownerId: a.employeeId,
              departmentId: a.toDepartmentId,
              previousOwnerId: a.ownerId,
              previousDepartmentId: a.departmentId,
              allocationId: batchId,
              assignedBy: actorId,
              assignedAt: now.toISOString(),
            },
          })),
        );
      }
      return { batchId, allocatedAt: now.toISOString(), allocatedBy: actorId, allocations };
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Reading a batch (公开: the report and the allocation are open to inspection)
  // ------------------------------------------------------------------------------------------------------

  async get(viewer: Principal | undefined, batchId: string) {
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
    return this.batchView(viewer, batch, rows, allocation);
  }

  /**
   * The O-3 report for a viewer. Phones of duplicates are shown whole to those who may see them (P-1: the CRM
   * centre, the organising department's head, ownership roles), masked to everyone else; every whole phone
   * of a customer shown is audited (P-2).
   */
  private async batchView(viewer: Principal | undefined, batch: ArchiveBatchEntity, rows: BatchCustomerRow[], allocation: AllocationView | null) {
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

/** A batch belongs to its organising department, not to one employee: nobody sees it as its "owner". */
const NO_OWNER = '00000000-0000-0000-0000-000000000000';
