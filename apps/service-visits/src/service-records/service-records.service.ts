import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { DEFAULT_PAGE_SIZE, Page, Transactions, type Tx } from '@crm/database';
import { CustomerOwnerships } from '@crm/service-kit';
import { countsAsHomeVisit } from '../adequacy/adequacy-window';
import { AdequacyService } from '../adequacy/adequacy.service';
import { VisitPlansService } from '../visit-plans/visit-plans.service';
import { HealthReadings, ShownReadings } from './health-readings';
import { ServiceRecordEntity } from './service-record.entity';
import { RecordServiceDto } from './service-records.dto';
import { ServiceRecordErrors } from './service-records.errors';
import { ServiceRecordsRepository } from './service-records.repository';
import { mayRecordService, maySeeNotes } from './service-records.policy';
import { RecordedServiceView, ServiceRecordView, serviceRecordView } from './service-records.view';

/**
 * V-1 service records. Recording one is one transaction: the record (readings sealed), the V-2 home-visit
 * fact and its customer.served when it ends an under-served state, and the V-3 plans it completes. Only the
 * owning department's staff who serve the customer record (the owner and the owning head, P-1); notes and
 * readings are shown per customer as P-1 allows.
 */
@Injectable()
export class ServiceRecordsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly records: ServiceRecordsRepository,
    private readonly ownerships: CustomerOwnerships,
    private readonly adequacy: AdequacyService,
    private readonly plans: VisitPlansService,
    private readonly readings: HealthReadings,
    private readonly clock: Clock,
  ) {}

  async record(caller: Principal | undefined, dto: RecordServiceDto): Promise<RecordedServiceView> {
    if (!isEmployee(caller)) throw ServiceRecordErrors.SERVICE_BY_STAFF_ONLY('A service is recorded by the employee who gave it, signed in');
    // Read your writes: a customer registered a moment ago may not have reached this service yet; wait briefly for
    // customers' event (outside the transaction) before answering that the customer is not known.
    if (!(await this.ownerships.awaitKnown(dto.customerId))) throw ServiceRecordErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`, { customerId: dto.customerId });
    return this.transactions.run(async (tx) => {
      // The ownership row stays locked until the transaction ends: a service record and a transfer never interleave.
      const owner = await this.ownerships.lock(tx, dto.customerId);
      if (!owner) throw ServiceRecordErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`, { customerId: dto.customerId });
      // Authorization before anything is written or told: the owner and the owning head only (P-1), decided on the
      // locked ownership, so a transfer that just happened counts.
      if (!mayRecordService(caller, owner)) throw ServiceRecordErrors.CUSTOMER_NOT_IN_DEPARTMENT("Services for this customer are recorded by the customer's owner and the head of the owning department");
      const now = this.clock.now();
      const id = randomUUID();
      const sealed = dto.readings?.length ? this.readings.seal(id, owner.customerId, dto.readings.map((r) => ({ systolic: r.systolic, diastolic: r.diastolic, ...(r.pulse !== undefined ? { pulse: r.pulse } : {}) }))) : null;
      const record: ServiceRecordEntity = {
        id,
        customerId: owner.customerId,
        employeeId: caller.employeeId,
        departmentId: caller.departmentId,
        category: dto.category,
        kind: dto.kind,
        notes: dto.notes ?? null,
        readingsSealed: sealed?.sealed ?? null,
        readingsKeyId: sealed?.keyId ?? null,
        createdAt: now,
      };
      await this.records.insert(tx, record);
      const homeVisit = countsAsHomeVisit(record.kind, record.departmentId, owner.departmentId);
      if (homeVisit) await this.adequacy.visitedAtHome(tx, owner.customerId, now);
      const completed = await this.plans.visited(tx, owner, record);
      // The caller just wrote these readings: they are echoed as received, not opened, so nothing is audited.
      const shown: ShownReadings = dto.readings?.length ? { readings: dto.readings, readingsHidden: false } : { readings: null, readingsHidden: false };
      return { ...serviceRecordView(record, shown, true), countedAsHomeVisit: homeVisit, completedVisitPlan: completed };
    });
  }

  /** A customer's records, oldest first, as `viewer` may see them; `channel` names the operation in the audit trail (P-2). */
  async list(viewer: Principal | undefined, customerId: string, page: { limit?: number; cursor?: string }, channel = 'GET /api/v1/service-records'): Promise<Page<ServiceRecordView>> {
    const found = await this.records.ofCustomer(customerId, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { items: await this.views(viewer, found.items, channel), nextCursor: found.nextCursor };
  }

  /**
   * P-3 export: every record of the customer, oldest first, notes shown and readings opened for the caller the
   * export's route admitted (GENERAL_MANAGER, ADMIN); each opening is audited and published as any full read.
   */
  async ofCustomerForExport(viewer: Principal | undefined, customerId: string): Promise<ServiceRecordView[]> {
    const records = await this.records.ofCustomers([customerId]);
    const shown = await this.readings.show(viewer, records, new Map(), 'GET /api/v1/personal-data', true);
    return records.map((r) => serviceRecordView(r, shown.get(r.id)!, true));
  }

  /** P-3 erasure, in the caller's transaction: notes and readings of the customer's records go. */
  eraseOf(tx: Tx, customerId: string): Promise<number> {
    return this.records.eraseOf(tx, customerId);
  }

  /** Records as `viewer` may see them, readings opened (and audited) and notes shown only where P-1 allows. */
  private async views(viewer: Principal | undefined, records: ServiceRecordEntity[], channel: string): Promise<ServiceRecordView[]> {
    const owners = new Map((records.length ? await this.ownerships.findMany([...new Set(records.map((r) => r.customerId))]) : []).map((o) => [o.customerId, o]));
    const shown = await this.readings.show(viewer, records, owners, channel);
    return records.map((r) => serviceRecordView(r, shown.get(r.id)!, maySeeNotes(viewer, owners.get(r.customerId) ?? null)));
  }

  /** Of these customers, those whose service notes `viewer` may see (P-1), one query (Customer.serviceRecords). */
  async notesVisibleAmong(viewer: Principal | undefined, customerIds: readonly string[]): Promise<Set<string>> {
    const owners = new Map((customerIds.length ? await this.ownerships.findMany(customerIds) : []).map((o) => [o.customerId, o]));
    return new Set(customerIds.filter((id) => maySeeNotes(viewer, owners.get(id) ?? null)));
  }
}
