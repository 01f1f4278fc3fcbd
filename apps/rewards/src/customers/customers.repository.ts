import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';

/** Every query on the customers rewards has heard of. */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async register(tx: Tx, c: { id: string; referrerId: string | null; registeredAt: string }): Promise<void> {
    await tx.query(`INSERT INTO customers (id, referrer_id, registered_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [c.id, c.referrerId, c.registeredAt]);
  }

  /**
   * Known: registered, owned (the ownership read model), or already holding points (a credit may overtake the
   * registration on the queue).
   */
  async isKnown(customerId: string, tx: Tx = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM customers WHERE id = $1 UNION ALL SELECT 1 FROM customer_ownership WHERE customer_id = $1 UNION ALL SELECT 1 FROM points_accounts WHERE customer_id = $1 LIMIT 1`,
      [customerId],
    );
    return rows.length > 0;
  }
}
