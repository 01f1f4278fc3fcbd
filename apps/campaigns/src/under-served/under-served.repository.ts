import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CustomerOwnerEntity } from './customer-owner.entity';

export interface Ownership {
  customerId: string;
  ownerId: string;
  departmentId: string;
  at: string;
}

/** Every query on the ownership read model. */
@Injectable()
export class RosterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an owner unless a newer ownership is already known (events may arrive out of order). */
  async own(manager: EntityManager, o: Ownership): Promise<void> {
    await manager.query(
      `INSERT INTO customer_owners (customer_id, owner_id, department_id, owned_since, under_served)
       VALUES ($1, $2, $3, $4, false)
       ON CONFLICT (customer_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, department_id = EXCLUDED.department_id, owned_since = EXCLUDED.owned_since
       WHERE customer_owners.owned_since <= EXCLUDED.owned_since`,
      [o.customerId, o.ownerId, o.departmentId, o.at],
    );
  }

  /**
   * Sets or clears the V-2 flag unless a newer verdict is known. A customer not yet known is recorded with the
   * owner the verdict names (it is the owner's department the verdict is about).
   */
  async markServed(manager: EntityManager, m: Ownership & { underServed: boolean }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_owners (customer_id, owner_id, department_id, owned_since, under_served, served_state_at)
       VALUES ($1, $2, $3, $5, $4, $5)
       ON CONFLICT (customer_id) DO UPDATE SET under_served = EXCLUDED.under_served, served_state_at = EXCLUDED.served_state_at
       WHERE customer_owners.served_state_at IS NULL OR customer_owners.served_state_at <= EXCLUDED.served_state_at`,
      [m.customerId, m.ownerId, m.departmentId, m.underServed, m.at],
    );
  }

  find(customerId: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerOwnerEntity | null> {
    return manager.findOneBy(CustomerOwnerEntity, { customerId });
  }

  findMany(customerIds: readonly string[]): Promise<CustomerOwnerEntity[]> {
    return this.dataSource.getRepository(CustomerOwnerEntity).findBy({ customerId: In([...customerIds]) });
  }
}
