import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { CustomerServiceStateEntity } from './customer-service-state.entity';

/**
 * Every query on the customers' service state (stage, last service, V-2 window and flag). Who owns a customer
 * is the shared read model's (CustomerOwnerships); the window starts only once an owner is known.
 */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new owner (joining, allocation, transfer) that the ownership read model just applied: the V-2 window
   * starts again at the assignment, or at the last service when that is later (GREATEST skips NULLs).
   */
  async restartWindow(tx: Tx, customerId: string, ownedSince: string): Promise<void> {
    await tx.query(
      `INSERT INTO customer_service_state AS s (id, window_start, under_served) VALUES ($1, $2, false)
       ON CONFLICT (id) DO UPDATE SET window_start = GREATEST(EXCLUDED.window_start, s.last_served_at)`,
      [customerId, ownedSince],
    );
  }

  /** Records a stage (S-1) unless a newer one is known; answers whether it applied. */
  async stage(tx: Tx, s: { customerId: string; stage: string; at: string }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO customer_service_state AS s (id, stage, stage_since, under_served) VALUES ($1, $2, $3, false)
       ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since
       WHERE s.stage_since IS NULL OR s.stage_since <= EXCLUDED.stage_since
       RETURNING id`,
      [s.customerId, s.stage, s.at],
    );
    return rows.length > 0;
  }

  /**
   * Records a meeting attended or an owner-department home visit (V-2); an older one changes nothing. The window
   * moves only for an owned customer (window_start set): an attendance that overtakes the registration leaves
   * it NULL, and the registration starts it from the later of joining and this service.
   */
  async served(tx: Tx, customerId: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO customer_service_state AS s (id, last_served_at, window_start, under_served) VALUES ($1, $2, NULL, false)
       ON CONFLICT (id) DO UPDATE SET last_served_at = GREATEST(s.last_served_at, EXCLUDED.last_served_at),
              window_start = CASE WHEN s.window_start IS NULL THEN NULL ELSE GREATEST(s.window_start, EXCLUDED.last_served_at) END`,
      [customerId, at],
    );
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<CustomerServiceStateEntity | null> {
    return tx.findOneBy(CustomerServiceStateEntity, { id });
  }
}
