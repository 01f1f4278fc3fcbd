import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CustomerOwnership } from './customer-ownership.entity';
import { NEWER_OWNERSHIP_WINS, Ownership } from './ownership-rule';

/** Every query on the customer-ownership read model. */
@Injectable()
export class CustomerOwnerships {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an ownership unless a newer one is already known; answers whether it applied. */
  async apply(manager: EntityManager, o: Ownership): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO customer_ownership AS customer_ownership (customer_id, owner_id, department_id, owned_since) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, department_id = EXCLUDED.department_id, owned_since = EXCLUDED.owned_since
       WHERE ${NEWER_OWNERSHIP_WINS}
       RETURNING customer_id`,
      [o.customerId, o.ownerId, o.departmentId, o.at],
    );
    return rows.length > 0;
  }

  find(customerId: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerOwnership | null> {
    return manager.findOneBy(CustomerOwnership, { customerId });
  }

  /** The customer's ownership, its row locked until the transaction ends (a write and a transfer never interleave). */
  lock(manager: EntityManager, customerId: string): Promise<CustomerOwnership | null> {
    return manager.getRepository(CustomerOwnership).createQueryBuilder('o').setLock('pessimistic_write').where('o.customer_id = :customerId', { customerId }).getOne();
  }

  findMany(customerIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<CustomerOwnership[]> {
    if (customerIds.length === 0) return Promise.resolve([]);
    return manager.findBy(CustomerOwnership, { customerId: In([...customerIds]) });
  }
}
