import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { DEFAULT_PAGE_SIZE, Page } from '@crm/database';
import { countsAsHomeVisit } from '../adequacy/adequacy-window';
import { AdequacyService } from '../adequacy/adequacy.service';
import { CustomersRepository } from '../customers/customers.repository';
import { HealthReadings, ShownReadings } from '../health-data/health-readings';
import { VisitPlansService } from '../visit-plans/visit-plans.service';
import { ServiceRecordEntity } from './service-record.entity';
import { RecordServiceDto } from './service-records.dto';
import { ServiceRecordErrors } from './service-records.errors';
import { ServiceRecordsRepository } from './service-records.repository';

/** A service record as answered: readings only when the viewer may see them (P-1). */
export interface ServiceRecordView extends ShownReadings {
  id: string;
  customerId: string;
  employeeId: string;
  departmentId: string | null;
  category: string;
  kind: string;
  notes: string | null;
  createdAt: string;
  /** V-2: this record was a home visit by the owning department. */
  countedAsHomeVisit?: boolean;
  /** V-3: this record made a planned return visit. */
  completedVisitPlan?: boolean;
}

function viewOf(r: ServiceRecordEntity, shown: ShownReadings): ServiceRecordView {
  return {
    id: r.id,
    customerId: r.customerId,
    employeeId: r.employeeId,
    departmentId: r.departmentId,
    category: r.category,
    kind: r.kind,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    ...shown,
  };
}

/**
 * V-1 service records. Recording one is one transaction: the record (readings sealed), the V-2 home-visit
 * fact and its customer.served when it ends an under-served state, and the V-3 plans it completes.
 */
@Injectable()
export class ServiceRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: ServiceRecordsRepository,
    private readonly customers: CustomersRepository,
    private readonly adequacy: AdequacyService,
    private readonly plans: VisitPlansService,
    private readonly readings: HealthReadings,
    private readonly clock: Clock,
  ) {}

  async record(caller: Principal | undefined, dto: RecordServiceDto): Promise<ServiceRecordView> {
    if (!isEmployee(caller)) throw ServiceRecordErrors.SERVICE_BY_STAFF_ONLY('A service is recorded by the employee who gave it, signed in');
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.customers.lock(manager, dto.customerId);
      if (!customer?.ownerId) throw ServiceRecordErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`, { customerId: dto.customerId });
      const now = this.clock.now();
      const id = randomUUID();
      const sealed = dto.readings?.length ? this.readings.seal(id, customer.id, dto.readings.map((r) => ({ systolic: r.systolic, diastolic: r.diastolic, ...(r.pulse !== undefined ? { pulse: r.pulse } : {}) }))) : null;
      const record: ServiceRecordEntity = {
        id,
        customerId: customer.id,
        employeeId: caller.employeeId,
        departmentId: caller.departmentId,
        category: dto.category,
        kind: dto.kind,
        notes: dto.notes ?? null,
        readingsSealed: sealed?.sealed ?? null,
        readingsKeyId: sealed?.keyId ?? null,
        createdAt: now,
      };
      await this.records.insert(manager, record);
      const homeVisit = countsAsHomeVisit(record.kind, record.departmentId, customer.departmentId);
      if (homeVisit) {
        await this.customers.served(manager, customer.id, now);
        await this.adequacy.settle(manager, customer.id, now);
      }
      const completed = await this.plans.visited(manager, customer, record);
      // The caller just wrote these readings: they are echoed as received, not opened, so nothing is audited.
      const shown: ShownReadings = dto.readings?.length ? { readings: dto.readings, readingsHidden: false } : { readings: null, readingsHidden: false };
      return { ...viewOf(record, shown), countedAsHomeVisit: homeVisit, completedVisitPlan: completed };
    });
  }

  async list(viewer: Principal | undefined, customerId: string, page: { limit?: number; cursor?: string }): Promise<Page<ServiceRecordView>> {
    const found = await this.records.ofCustomer(customerId, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { items: await this.views(viewer, found.items, 'GET /api/v1/service-records'), nextCursor: found.nextCursor };
  }

  /** Records as `viewer` may see them, readings opened (and audited) only where P-1 allows. */
  async views(viewer: Principal | undefined, records: ServiceRecordEntity[], channel: string): Promise<ServiceRecordView[]> {
    const withReadings = records.filter((r) => r.readingsSealed);
    const customers = new Map((withReadings.length ? await this.customers.findMany([...new Set(withReadings.map((r) => r.customerId))]) : []).map((c) => [c.id, c]));
    const shown = await this.readings.show(viewer, records, customers, channel);
    return records.map((r) => viewOf(r, shown.get(r.id)!));
  }
}
