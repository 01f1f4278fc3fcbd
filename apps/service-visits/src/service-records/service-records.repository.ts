import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { keysetPage, Page } from '@crm/database';
import { ServiceRecordEntity } from './service-record.entity';

/** Every query on service records. */
@Injectable()
export class ServiceRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, record: ServiceRecordEntity): Promise<void> {
    await manager.getRepository(ServiceRecordEntity).insert(record);
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ServiceRecordEntity | null> {
    return manager.findOneBy(ServiceRecordEntity, { id });
  }

  ofCustomer(customerId: string, page: { limit: number; cursor?: string }): Promise<Page<ServiceRecordEntity>> {
    const qb = this.dataSource.getRepository(ServiceRecordEntity).createQueryBuilder('r').where('r.customer_id = :customerId', { customerId });
    return keysetPage(qb, 'r.id', page, { column: 'r.created_at', value: (r) => r.createdAt });
  }

  /** For Customer.serviceRecords: every record of these customers, oldest first (one query per request). */
  ofCustomers(customerIds: readonly string[]): Promise<ServiceRecordEntity[]> {
    return this.dataSource.getRepository(ServiceRecordEntity).find({ where: { customerId: In([...customerIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
