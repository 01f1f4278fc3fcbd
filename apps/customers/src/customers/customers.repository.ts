import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { keysetPage, type Page } from '@crm/database';
import { CUSTOMER_LIST_ORDER } from './customer-list-order';
import { CustomerEntity, CustomerStage } from './customer.entity';

export interface CustomerFilter {
  phone?: string;
  ownerId?: string;
  departmentId?: string;
  stage?: CustomerStage;
  underServed?: boolean;
  /** Name prefix, case-insensitive. */
  name?: string;
}

/** Every query of customers lives here (architecture.md "Inside a service"). */

@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CustomerEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<CustomerEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the row for an ownership or stage change, so concurrent changes apply one after another. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<CustomerEntity | null> {
    return this.repo(manager).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  findByIds(ids: readonly string[]): Promise<CustomerEntity[]> {
    return ids.length ? this.repo().findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findByPhone(phone: string, manager?: EntityManager): Promise<CustomerEntity | null> {
    return this.repo(manager).findOneBy({ phone });
  }

  /** Existing customers for a set of phones, in one query (O-3 duplicate check of a whole batch). */
  async idsByPhones(phones: string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (!phones.length) return new Map();
    const rows: { id: string; phone: string }[] = await (manager ?? this.dataSource.manager).query(
      'SELECT id, phone FROM customers WHERE phone = ANY($1::text[])',
      [phones],
    );
    return new Map(rows.map((r) => [r.phone, r.id]));
  }

  insert(customer: Partial<CustomerEntity>, manager: EntityManager): Promise<CustomerEntity> {
    return this.repo(manager).save(this.repo(manager).create(customer));
  }

  save(customer: CustomerEntity, manager: EntityManager): Promise<CustomerEntity> {
    return this.repo(manager).save(customer);
  }

  /** Keyset pagination on (created_at, id): stable under inserts, no OFFSET scans. */
  async search(filter: CustomerFilter, limit: number, cursor?: string): Promise<Page<CustomerEntity>> {
    const qb = this.repo().createQueryBuilder('c');
    if (filter.phone) qb.andWhere('c.phone = :phone', { phone: filter.phone });
    if (filter.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.departmentId) qb.andWhere('c.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.stage) qb.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.underServed !== undefined) qb.andWhere('c.under_served = :underServed', { underServed: filter.underServed });
    if (filter.name) qb.andWhere('c.name ILIKE :name', { name: `${filter.name.replace(/[%_\\]/g, '\\$&')}%` });
    return keysetPage(qb, 'c.id', { limit, cursor }, CUSTOMER_LIST_ORDER);
  }
}
