import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { keysetPage, Page, type Tx } from '@crm/database';
import { ReadingsReadEntity } from './readings-read.entity';
import { ServiceRecordEntity } from './service-record.entity';

/** Every query on service records. */
@Injectable()
export class ServiceRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: Tx, record: ServiceRecordEntity): Promise<void> {
    await tx.getRepository(ServiceRecordEntity).insert(record);
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<ServiceRecordEntity | null> {
    return tx.findOneBy(ServiceRecordEntity, { id });
  }

  /** P-2: who was shown which record's readings, one insert for a page (append-only, a trigger refuses changes). */
  async recordReads(tx: Tx, reads: Partial<ReadingsReadEntity>[]): Promise<void> {
    await tx.getRepository(ReadingsReadEntity).insert(reads);
  }

  ofCustomer(customerId: string, page: { limit: number; cursor?: string }): Promise<Page<ServiceRecordEntity>> {
    const qb = this.dataSource.getRepository(ServiceRecordEntity).createQueryBuilder('r').where('r.customer_id = :customerId', { customerId });
    return keysetPage(qb, 'r.id', page, { column: 'r.created_at', value: (r) => r.createdAt });
  }

  /** For Customer.serviceRecords: every record of these customers, oldest first (one query per request). */
  ofCustomers(customerIds: readonly string[]): Promise<ServiceRecordEntity[]> {
    return this.dataSource.getRepository(ServiceRecordEntity).find({ where: { customerId: In([...customerIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * P-3 erasure: the customer's service notes and health readings (the seal and its key id) are gone; ids,
   * categories, kinds, employees and dates stay. Rows already erased are left alone. Answers how many changed.
   */
  async eraseOf(tx: Tx, customerId: string): Promise<number> {
    const [, changed]: [unknown[], number] = await tx.query(
      `UPDATE service_records SET notes = NULL, readings_sealed = NULL, readings_key_id = NULL
        WHERE customer_id = $1 AND (notes IS NOT NULL OR readings_sealed IS NOT NULL OR readings_key_id IS NOT NULL)`,
      [customerId],
    );
    return changed;
  }
}
