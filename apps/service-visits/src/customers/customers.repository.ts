import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ServedCustomerEntity } from './served-customer.entity';

export interface Ownership {
  customerId: string;
  ownerId: string;
  departmentId: string;
  at: string;
}

/**
 * The V-2 window's start, in SQL: the later of joining/last assignment and the last service (GREATEST skips
 * NULLs). The same rule as adequacy-window.ts windowStart, kept in a column so the sweep reads an index.
 */
const WINDOW_START = 'GREATEST(customers.owned_since, customers.last_served_at)';

/** Every query on the customers read model (owner, stage, last service). */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records an owner (joining, allocation, transfer) unless a newer ownership is already known; a new owner's
   * window starts at the assignment. Answers whether it applied.
   */
  async own(manager: EntityManager, o: Ownership): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO customers AS customers (id, owner_id, department_id, owned_since, window_start, under_served)
       VALUES ($1, $2, $3, $4, $4, false)
       ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, department_id = EXCLUDED.department_id, owned_since = EXCLUDED.owned_since,
              window_start = GREATEST(EXCLUDED.owned_since, customers.last_served_at)
       WHERE customers.owned_since IS NULL OR customers.owned_since <= EXCLUDED.owned_since
       RETURNING id`,
      [o.customerId, o.ownerId, o.departmentId, o.at],
    );
    return rows.length > 0;
  }

  /** Records a stage (S-1) unless a newer one is known; answers whether it applied. */
  async stage(manager: EntityManager, s: { customerId: string; stage: string; at: string }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO customers AS customers (id, stage, stage_since, under_served) VALUES ($1, $2, $3, false)
       ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since
       WHERE customers.stage_since IS NULL OR customers.stage_since <= EXCLUDED.stage_since
       RETURNING id`,
      [s.customerId, s.stage, s.at],
    );
    return rows.length > 0;
  }

  /** Records a meeting attended or an owner-department home visit (V-2); an older one changes nothing. */
  async served(manager: EntityManager, customerId: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO customers AS customers (id, last_served_at, window_start, under_served) VALUES ($1, $2, $2, false)
       ON CONFLICT (id) DO UPDATE SET last_served_at = GREATEST(customers.last_served_at, EXCLUDED.last_served_at),
              window_start = GREATEST(${WINDOW_START}, EXCLUDED.last_served_at)`,
      [customerId, at],
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ServedCustomerEntity | null> {
    return manager.findOneBy(ServedCustomerEntity, { id });
  }

  /** The customer, its row locked until the transaction ends (a service record and a transfer never interleave). */
  async lock(manager: EntityManager, id: string): Promise<ServedCustomerEntity | null> {
    return manager.getRepository(ServedCustomerEntity).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  findMany(ids: readonly string[]): Promise<ServedCustomerEntity[]> {
    return this.dataSource.getRepository(ServedCustomerEntity).findBy({ id: In([...ids]) });
  }
}
