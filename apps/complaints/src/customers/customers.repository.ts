import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KnownCustomerEntity } from './known-customer.entity';

export interface Ownership {
  customerId: string;
  ownerId: string;
  departmentId: string;
  at: string;
}

/** Every query on the customers complaints has heard of. */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an owner unless a newer ownership is already known (events may arrive out of order). */
  async own(manager: EntityManager, o: Ownership): Promise<void> {
    await manager.query(
      `INSERT INTO customers (id, owner_id, department_id, owned_since) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, department_id = EXCLUDED.department_id, owned_since = EXCLUDED.owned_since
       WHERE customers.owned_since <= EXCLUDED.owned_since`,
      [o.customerId, o.ownerId, o.departmentId, o.at],
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<KnownCustomerEntity | null> {
    return manager.findOneBy(KnownCustomerEntity, { id });
  }
}
