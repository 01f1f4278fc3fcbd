import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { Transactions, type Tx } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CustomerSource, CustomerStage } from '../customers/customer.entity';
import { CustomersRepository } from '../customers/customers.repository';
import { CustomersService } from '../customers/customers.service';
import { normalizeMainlandMobile } from '../customers/phone';
import { chunks } from '../support/chunks';
import { OrganisationService } from '../organisation/organisation.service';
import { OwnershipService } from '../ownership/ownership.service';
import { ArchiveReportsService } from './archive-reports.service';
import { ArchiveErrors } from './archive-errors';
import { ArchiveBatchEntity } from './archive-batch.entity';
import { ArchiveBatchRow, classifyBatch, numberRecords } from './archive-batch-rows';
import { parseArchiveCsv } from './archive-csv';
import { ArchiveBatchInput } from './archives.dto';
import { ArchivesRepository, NewArchiveCustomer } from './archives.repository';
import { ArchiveBatchReportView, BatchDuplicate, BatchInvalid } from './archives.view';
import { OutreachEventEntity } from './outreach-event.entity';

export const ARCHIVES_OPTIONS = Symbol('ARCHIVES_OPTIONS');

export interface ArchivesOptions {
  /** BUSINESS_TZ: "today" for birth-date checks is the company's date. */
  businessTz: string;
  /** Most records one batch may hold; a larger file is split by the clerk. */
  maxRows?: number;
}

export const DEFAULT_MAX_BATCH_ROWS = 50_000;

/** The phone of a row as the duplicate check will see it, whatever the row's other fields say. */
function candidatePhone(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const raw = (record as { phone?: unknown }).phone;
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof text !== 'string') return null;
  const parsed = normalizeMainlandMobile(text);
  return parsed.ok ? parsed.e164 : null;
}

/**
 * Archives from outreach events (O-1..O-3): the outreach events they come from, and entering a batch
 * (validation, duplicates, new customers held by the organising department's head until O-4 allocation,
 * allocation.service.ts). The reports are archive-reports.service.ts.
 */
@Injectable()
export class ArchivesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly archives: ArchivesRepository,
    private readonly customers: CustomersRepository,
    private readonly customersService: CustomersService,
    private readonly organisation: OrganisationService,
    private readonly ownership: OwnershipService,
    private readonly reports: ArchiveReportsService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(ARCHIVES_OPTIONS) private readonly options: ArchivesOptions,
  ) {}

  /** `outreach.recorded` (O-1): the latest facts of the event win (a corrected event is published again). */
  recordOutreachEvent(tx: Tx, event: OutreachEventEntity): Promise<void> {
    return this.archives.upsertOutreachEvent(tx, event);
  }

  /** O-2, O-3: enters a batch and answers its report. */
  async submit(viewer: Principal | undefined, input: ArchiveBatchInput): Promise<ArchiveBatchReportView> {
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

    const { batch, created } = await this.transactions.run(async (tx) => {
      // O-3 against existing customers: one query for the whole batch.
      const existing = await this.customers.idsByPhones(phones, tx);
      const sorted = classifyBatch(rows, existing, today);
      const fresh: (NewArchiveCustomer & { row: number })[] = sorted.accepted.map((a) => ({ id: randomUUID(), row: a.row, ...a.record }));
      const stored = await this.archives.insertCustomers(tx, fresh, {
        ownerId: headId,
        departmentId: department.id,
        source: CustomerSource.OUTREACH,
        stage: CustomerStage.POTENTIAL,
        at: now,
      });
      // A phone another batch stored since our lookup: the unique index decided; that row is a duplicate of
      // the winner (READ COMMITTED: this statement sees the winner's committed row).
      const lost = fresh.filter((f) => stored.get(f.phone) !== f.id);
      const winners = lost.length ? await this.customers.idsByPhones(lost.map((l) => l.phone), tx) : new Map<string, string>();
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
      await this.archives.insertBatch(tx, batch);
      await this.archives.insertBatchCustomers(tx, batchId, createdRows.map((c) => ({ row: c.row, customerId: c.id })));
      const owner = { ownerId: headId, departmentId: department.id, referrerId: null, source: CustomerSource.OUTREACH, stage: CustomerStage.POTENTIAL, createdAt: now };
      for (const chunk of chunks(createdRows)) {
        await this.outbox.append(tx, chunk.map((c) => this.customersService.registeredEvent({ id: c.id, ...owner }, event.id)));
      }
      await this.ownership.recordFirstOwners(tx, createdRows.map((c) => ({ customerId: c.id, ownerId: headId, departmentId: department.id })), {
        cause: `archive batch ${batchId} of outreach event ${event.id} (O-2): held by the department head until allocation`,
        causeCode: 'ARCHIVE',
        causeId: batchId,
        actorId: submittedBy,
        at: now,
      });
      return { batch, created: createdRows };
    });

    const view = await this.reports.report(viewer, batch, created.map((c) => ({ row: c.row, customerId: c.id, employeeId: null })), null);
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
}
