import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage, Page, type Tx } from '@crm/database';
import { CustomerOwnership } from '@crm/service-kit';
import { CustomerServiceStateEntity } from '../customers/customer-service-state.entity';

export interface Verdict {
  id: string;
  owner_id: string;
  department_id: string;
  last_served_at: Date | null;
  window_start: Date;
  /**
   * Of a clearing: the attendance, visit or assignment that served the customer, but never before the flag it
   * clears (an attendance may reach us after the sweep flagged its customer), so consumers that keep the newer
   * verdict by time (campaigns) apply it.
   */
  served_at?: Date;
}

/**
 * Every query on the V-2 state. TypeORM answers an UPDATE … RETURNING as [rows, affected].
 * Each verdict is a conditional UPDATE … RETURNING on rows locked with SKIP
 * LOCKED: a customer flips once, whichever of two concurrent sweeps (or a sweep and an event) gets there, and
 * only the one that flipped it announces it. The owner and department the events carry come from
 * customer_ownership, joined by its primary key for the rows of the batch only.
 */
@Injectable()
export class AdequacyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Flags up to `limit` owned customers whose window started `days` or more before `now` (adequacy-window.ts).
   * The ids are picked through the partial index customer_service_state_adequacy_due and updated through the
   * primary key (`= ANY(ARRAY(…))`): a batch costs the same however many customers there are (a join from a CTE
   * made PostgreSQL hash the whole table for every batch).
   */
  async flagUnderServed(tx: Tx, now: Date, days: number, limit: number): Promise<Verdict[]> {
    const [rows]: [Verdict[], number] = await tx.query(
      `UPDATE customer_service_state c SET under_served = true, served_state_at = $1
         FROM customer_ownership o
        WHERE c.id = ANY (ARRAY(
                SELECT id FROM customer_service_state
                 WHERE NOT under_served AND window_start IS NOT NULL AND window_start <= $1::timestamptz - make_interval(days => $2)
                 ORDER BY window_start, id
                 LIMIT $3
                 FOR UPDATE SKIP LOCKED))
          AND NOT c.under_served
          AND o.customer_id = c.id
       RETURNING c.id, o.owner_id, o.department_id, c.last_served_at, c.window_start`,
      [now, days, limit],
    );
    return rows;
  }

  /**
   * Clears the flag of up to `limit` flagged customers served again (or reassigned) within the window; with
   * `customerId`, of that customer only (an attendance, a home visit or a transfer just happened).
   */
  async clearServed(tx: Tx, now: Date, days: number, limit: number, customerId?: string): Promise<Verdict[]> {
    const [rows]: [Verdict[], number] = await tx.query(
      `UPDATE customer_service_state c SET under_served = false, served_state_at = $1
         FROM (SELECT id, served_state_at AS flagged_at FROM customer_service_state
                WHERE under_served AND window_start > $1::timestamptz - make_interval(days => $2) AND ($4::uuid IS NULL OR id = $4)
                ORDER BY window_start, id
                LIMIT $3
                FOR UPDATE SKIP LOCKED) flagged,
              customer_ownership o
        WHERE c.id = flagged.id AND c.under_served AND o.customer_id = c.id
       RETURNING c.id, o.owner_id, o.department_id, c.last_served_at, c.window_start, GREATEST(c.window_start, flagged.flagged_at) AS served_at`,
      [now, days, limit, customerId ?? null],
    );
    return rows;
  }

  /** The resource director's list: flagged customers, optionally of one department, in id order. */
  underServed(departmentId: string | undefined, page: { limit: number; cursor?: string }): Promise<Page<CustomerServiceStateEntity>> {
    const qb = this.dataSource.getRepository(CustomerServiceStateEntity).createQueryBuilder('c').where('c.under_served');
    if (departmentId) qb.innerJoin(CustomerOwnership, 'o', 'o.customer_id = c.id').andWhere('o.department_id = :departmentId', { departmentId });
    return keysetPage(qb, 'c.id', page);
  }
}
