import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CustomerOwnership } from './customer-ownership.entity';
import { NEWER_OWNERSHIP_WINS, Ownership } from './ownership-rule';

/** How long a request waits for customers' event about a customer it names (architecture.md "Read your writes"). */
export const READ_YOUR_WRITES_WAIT_MS = 3_000;
const FIRST_RETRY_MS = 10;
const LONGEST_RETRY_MS = 400;

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

  /**
   * The customer's ownership, waiting briefly when it is not known yet: a caller who just registered the customer
   * in customers may be faster than the event that tells this service (architecture.md, "Read your writes across
   * services"). Answers null only when the customer is still unknown after `waitMs` (then it does not exist, or
   * events are held up). Outside a transaction: each look sees what committed since the last.
   */
  async awaitKnown(customerId: string, waitMs: number = READ_YOUR_WRITES_WAIT_MS): Promise<CustomerOwnership | null> {
    const deadline = performance.now() + waitMs;
    for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, LONGEST_RETRY_MS)) {
      const found = await this.find(customerId);
      const left = deadline - performance.now();
      if (found || left <= 0) return found;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    }
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
