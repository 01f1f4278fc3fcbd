import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { UnderServedCustomerEntity } from './under-served-customer.entity';
import { NEWER_VERDICT_WINS, ServedVerdict } from './under-served.rules';

/** Every query on the V-2 flag campaigns keeps. */
@Injectable()
export class UnderServedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets or clears the flag unless a newer verdict is known, whether or not the customer is known yet. */
  async record(tx: Tx, v: ServedVerdict): Promise<void> {
    await tx.query(
      `INSERT INTO under_served_customers AS under_served_customers (customer_id, owner_id, department_id, under_served, verdict_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (customer_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, department_id = EXCLUDED.department_id,
         under_served = EXCLUDED.under_served, verdict_at = EXCLUDED.verdict_at
       WHERE ${NEWER_VERDICT_WINS}`,
      [v.customerId, v.ownerId, v.departmentId, v.underServed, v.at],
    );
  }

  find(customerId: string, tx: Tx = this.dataSource.manager): Promise<UnderServedCustomerEntity | null> {
    return tx.findOneBy(UnderServedCustomerEntity, { customerId });
  }
}
