import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import type { CustomerOwnership } from '@crm/service-kit';
import { actorOf } from '../access/staff-scope';
import { openReadings, ReadingsTamperedError, sealReadings, SealedReadings } from '../health-data/reading-cipher';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { ReadingsReadEntity } from './readings-read.entity';
import { maySeeReadings } from './service-records.policy';
import { ServiceRecordsRepository } from './service-records.repository';

/** A blood-pressure reading (V-1). */
export interface Reading {
  systolic: number;
  diastolic: number;
  pulse?: number;
}

/** A record's readings as a viewer may see them: the values, or that there are some they may not see. */
export interface ShownReadings {
  readings: Reading[] | null;
  readingsHidden: boolean;
  /** The stored seal failed authentication (altered in the database, or its key is gone): nothing is shown. */
  readingsUnreadable?: boolean;
}

/** The associated data binding a seal to its record and customer (reading-cipher.ts). */
const bound = (recordId: string, customerId: string) => `service_record:${recordId}:customer:${customerId}`;

/**
 * Health readings (V-1, P-1, P-2): sealed before they reach the database, opened only for the owner employee
 * and their head, and every opening recorded (who, which record, when) before the values leave: here
 * (readings_reads) and, in the same transaction, as `personal_data.read` for customers' one audit trail.
 */
@Injectable()
export class HealthReadings {
  private readonly log = new Logger('HealthReadings');

  constructor(
    private readonly records: ServiceRecordsRepository,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxWriter<'service-visits'>,
    private readonly clock: Clock,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  seal(recordId: string, customerId: string, readings: Reading[]): SealedReadings {
    return sealReadings(this.options.healthKeys, readings, bound(recordId, customerId));
  }

  /**
   * What `viewer` may see of each record's readings, auditing every record whose readings are shown. `authorised`:
   * the caller was admitted to every reading by the route itself (P-3's export, GENERAL_MANAGER and ADMIN), so
   * P-1's owner-and-head rule is not applied; each opening is audited and published all the same.
   */
  async show(
    viewer: Principal | undefined,
    records: readonly { id: string; customerId: string; readingsSealed: Buffer | null; readingsKeyId: string | null }[],
    customers: ReadonlyMap<string, Pick<CustomerOwnership, 'ownerId' | 'departmentId'>>,
    channel: string,
    authorised = false,
  ): Promise<Map<string, ShownReadings>> {
    const shown = new Map<string, ShownReadings>();
    const reads: Partial<ReadingsReadEntity>[] = [];
    const at = this.clock.now();
    for (const r of records) {
      if (!r.readingsSealed || !r.readingsKeyId) {
        shown.set(r.id, { readings: null, readingsHidden: false });
        continue;
      }
      const customer = customers.get(r.customerId);
      if (!authorised && (!customer || !maySeeReadings(viewer, customer))) {
        shown.set(r.id, { readings: null, readingsHidden: true });
        continue;
      }
      try {
        shown.set(r.id, { readings: openReadings<Reading[]>(this.options.healthKeys, { keyId: r.readingsKeyId, sealed: r.readingsSealed }, bound(r.id, r.customerId)), readingsHidden: false });
      } catch (e) {
        if (!(e instanceof ReadingsTamperedError)) throw e;
        // One altered row must not hide the customer's other records: it is reported, never shown.
        this.log.error(`service record ${r.id}: ${e.message}`);
        shown.set(r.id, { readings: null, readingsHidden: false, readingsUnreadable: true });
        continue;
      }
      reads.push({ id: randomUUID(), actor: actorOf(viewer), serviceRecordId: r.id, customerId: r.customerId, channel, at });
    }
    // One insert for the page and one event, in one transaction, before any value is answered: no read goes
    // unrecorded, here or in customers' audit trail (P-2), and neither is written without the other.
    if (reads.length) {
      await this.transactions.run(async (tx) => {
        await this.records.recordReads(tx, reads);
        await this.outbox.append(tx, {
          name: 'personal_data.read',
          payload: {
            customerIds: [...new Set(reads.map((r) => r.customerId!))],
            data: 'HEALTH_READINGS',
            actor: actorOf(viewer),
            actorId: isEmployee(viewer) ? viewer.employeeId : null,
            readAt: at.toISOString(),
          },
        });
      });
    }
    return shown;
  }
}
