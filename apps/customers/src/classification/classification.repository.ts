import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerStage, ValueTier } from '../customers/customer.entity';

/** What S-1 needs of one customer, with the stage and owner it has now. */
export interface CustomerStageFacts {
  customerId: string;
  stage: CustomerStage;
  ownerId: string;
  departmentId: string;
  openComplaints: number;
  lastComplaintResolvedAt: Date | null;
  lastAttendedAt: Date | null;
  /** Purchases not fully refunded (stage.ts: "the caller drops those"). */
  purchases: Date[];
}

export interface StageUpdate {
  customerId: string;
  from: CustomerStage;
  to: CustomerStage;
}

export interface AppliedStageUpdate extends StageUpdate {
  ownerId: string;
  departmentId: string;
}

interface FactsRow {
  id: string;
  stage: CustomerStage;
  owner_id: string;
  department_id: string;
  open_complaints: number;
  last_resolved_at: Date | string | null;
  last_attended_at: Date | string | null;
  purchases: (Date | string)[] | null;
}

/** Sorts before every other uuid: the keyset start. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * The facts of a set of customers (`batch`, a CTE of customers rows) aggregated in one statement: open and
 * last resolved complaints, last attendance, and the times of purchases that are not fully refunded.
 */
function factsSql(batch: string): string {
  return `WITH batch AS (${batch})
    SELECT b.id, b.stage, b.owner_id, b.department_id,
      COALESCE(k.open_complaints, 0)::int AS open_complaints, k.last_resolved_at, a.last_attended_at, p.purchases
    FROM batch b
    LEFT JOIN (
      SELECT customer_id, count(*) FILTER (WHERE resolved_at IS NULL) AS open_complaints, max(resolved_at) AS last_resolved_at
      FROM customer_complaints WHERE customer_id IN (SELECT id FROM batch) GROUP BY customer_id
    ) k ON k.customer_id = b.id
    LEFT JOIN (
      SELECT customer_id, max(attended_at) AS last_attended_at
      FROM customer_attendance WHERE customer_id IN (SELECT id FROM batch) GROUP BY customer_id
    ) a ON a.customer_id = b.id
    LEFT JOIN (
      SELECT customer_id, array_agg(sold_at ORDER BY sold_at) AS purchases
      FROM customer_purchases WHERE customer_id IN (SELECT id FROM batch) AND amount_fen > refunded_fen GROUP BY customer_id
    ) p ON p.customer_id = b.id
    ORDER BY b.id`;
}

/**
 * S-2 spend per customer over the trailing window starting at $1: each sale at its sale time, net of its
 * refunds (never below zero, so an unmatched refund cannot lower other sales), customers with spend > 0.
 */
const SPEND_SQL = `SELECT p.customer_id, sum(GREATEST(p.amount_fen - p.refunded_fen, 0))::bigint AS spend_fen
  FROM customer_purchases p JOIN customers c ON c.id = p.customer_id
  WHERE p.sold_at >= $1
  GROUP BY p.customer_id
  HAVING sum(GREATEST(p.amount_fen - p.refunded_fen, 0)) > 0`;

/** Every query of classification: the facts tables kept from other services' events, stages and tiers. */
@Injectable()
export class ClassificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  // ------------------------------------------------------------------------------------------------------
  // Facts, kept from events. Each upsert is written so events may arrive in any order.
  // ------------------------------------------------------------------------------------------------------

  /**
   * `sale.recorded`. A refund that arrived first left a placeholder row (amount 0, refund kept): the sale
   * fills in its amount and time and the refund stays.
   */
  async recordSale(manager: EntityManager, sale: { saleId: string; customerId: string; amountFen: number; soldAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_purchases (sale_id, customer_id, amount_fen, refunded_fen, sold_at) VALUES ($1, $2, $3, 0, $4)
       ON CONFLICT (sale_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, amount_fen = EXCLUDED.amount_fen, sold_at = EXCLUDED.sold_at`,
      [sale.saleId, sale.customerId, sale.amountFen, sale.soldAt],
    );
  }

  /**
   * `sale.refunded`: adds this refund to the sale's refunded amount. When the sale is not known yet the refund
   * is kept on a placeholder row (amount 0, so it counts as neither a purchase nor spend) until the sale
   * arrives. The inbox makes each refund event count once.
   */
  async recordRefund(manager: EntityManager, refund: { saleId: string; customerId: string; amountFen: number; refundedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_purchases (sale_id, customer_id, amount_fen, refunded_fen, sold_at) VALUES ($1, $2, 0, $3, $4)
       ON CONFLICT (sale_id) DO UPDATE SET refunded_fen = customer_purchases.refunded_fen + EXCLUDED.refunded_fen`,
      [refund.saleId, refund.customerId, refund.amountFen, refund.refundedAt],
    );
  }

  /** `meeting.attended`: one row per meeting and customer; a repeated check-in keeps the first time. */
  async recordAttendance(manager: EntityManager, a: { meetingId: string; customerId: string; attendedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_attendance (meeting_id, customer_id, attended_at) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, customer_id) DO UPDATE SET attended_at = LEAST(customer_attendance.attended_at, EXCLUDED.attended_at)`,
      [a.meetingId, a.customerId, a.attendedAt],
    );
  }

  /** `complaint.filed`: if the resolution arrived first, its row gets the real filing time and stays resolved. */
  async recordComplaintFiled(manager: EntityManager, c: { complaintId: string; customerId: string; filedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_complaints (complaint_id, customer_id, filed_at, resolved_at) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (complaint_id) DO UPDATE SET filed_at = EXCLUDED.filed_at`,
      [c.complaintId, c.customerId, c.filedAt],
    );
  }

  /** `complaint.resolved`: before its filing is known, the resolution time stands in for the filing time. */
  async recordComplaintResolved(manager: EntityManager, c: { complaintId: string; customerId: string; resolvedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_complaints (complaint_id, customer_id, filed_at, resolved_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (complaint_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at`,
      [c.complaintId, c.customerId, c.resolvedAt],
    );
  }

  /**
   * `complaint.reopened` (C-5, once): open again. A resolution recorded after the reopening (the second one)
   * stays; before its filing is known, the reopening time stands in for the filing time.
   */
  async recordComplaintReopened(manager: EntityManager, c: { complaintId: string; customerId: string; reopenedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO customer_complaints (complaint_id, customer_id, filed_at, resolved_at) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (complaint_id) DO UPDATE SET resolved_at = NULL WHERE customer_complaints.resolved_at <= EXCLUDED.filed_at`,
      [c.complaintId, c.customerId, c.reopenedAt],
    );
  }

  /**
   * V-2 as published by service-visits. A flag raised for an owner the customer no longer has is stale (a new
   * owner starts a new window, so the ownership writer cleared it): `ownerId` guards raising it.
   */
  async setUnderServed(manager: EntityManager, customerId: string, underServed: boolean, at: Date, ownerId?: string): Promise<void> {
    await manager.query('UPDATE customers SET under_served = $2, updated_at = $3 WHERE id = $1 AND under_served <> $2 AND ($4::uuid IS NULL OR owner_id = $4)', [
      customerId,
      underServed,
      at,
      ownerId ?? null,
    ]);
  }

  // ------------------------------------------------------------------------------------------------------
  // S-1 stages
  // ------------------------------------------------------------------------------------------------------

  /** Locks a customer for a stage recomputation, so concurrent events apply one after another. */
  async lockCustomer(manager: EntityManager, customerId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT id FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
    return rows.length > 0;
  }

  async factsOf(manager: EntityManager, customerIds: readonly string[]): Promise<CustomerStageFacts[]> {
    if (!customerIds.length) return [];
    const rows: FactsRow[] = await manager.query(
      factsSql('SELECT id, stage, owner_id, department_id FROM customers WHERE id = ANY($1::uuid[])'),
      [customerIds],
    );
    return rows.map(toFacts);
  }

  /** One page of customers (keyset on id) with their facts, in one statement. */
  async factsPage(manager: EntityManager, afterId: string | null, limit: number): Promise<CustomerStageFacts[]> {
    const rows: FactsRow[] = await manager.query(
      factsSql('SELECT id, stage, owner_id, department_id FROM customers WHERE id > $1::uuid ORDER BY id LIMIT $2'),
      [afterId ?? NIL_UUID, limit],
    );
    return rows.map(toFacts);
  }

  /**
   * Sets the new stages in one statement, each only if the customer still has the stage it was computed
   * from (a concurrent event may have moved it; then that change stands and the next run re-checks).
   * Answers the updates that applied, with the customers' owners for the events.
   */
  async applyStages(manager: EntityManager, updates: readonly StageUpdate[], at: Date): Promise<AppliedStageUpdate[]> {
    if (!updates.length) return [];
    const [rows]: [{ id: string; owner_id: string; department_id: string; from_stage: CustomerStage; to_stage: CustomerStage }[], number] = await manager.query(
      `UPDATE customers c SET stage = v.to_stage, updated_at = $4
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, from_stage, to_stage)
       WHERE c.id = v.id AND c.stage = v.from_stage
       RETURNING c.id, c.owner_id, c.department_id, v.from_stage, v.to_stage`,
      [updates.map((u) => u.customerId), updates.map((u) => u.from), updates.map((u) => u.to), at],
    );
    return rows.map((r) => ({ customerId: r.id, ownerId: r.owner_id, departmentId: r.department_id, from: r.from_stage, to: r.to_stage }));
  }

  // ------------------------------------------------------------------------------------------------------
  // S-2 value tiers
  // ------------------------------------------------------------------------------------------------------

  async trailingSpend(manager: EntityManager, since: Date): Promise<{ customerId: string; spendFen: number }[]> {
    const rows: { customer_id: string; spend_fen: string }[] = await manager.query(SPEND_SQL, [since]);
    return rows.map((r) => ({ customerId: r.customer_id, spendFen: Number(r.spend_fen) }));
  }

  /** Sets tiers of spending customers, touching only rows whose tier differs; answers the new tiers set. */
  async applyTiers(manager: EntityManager, tiers: readonly { customerId: string; tier: ValueTier }[], at: Date): Promise<ValueTier[]> {
    if (!tiers.length) return [];
    const [rows]: [{ value_tier: ValueTier }[], number] = await manager.query(
      `UPDATE customers c SET value_tier = v.tier, updated_at = $3
       FROM unnest($1::uuid[], $2::text[]) AS v(id, tier)
       WHERE c.id = v.id AND c.value_tier IS DISTINCT FROM v.tier
       RETURNING c.value_tier`,
      [tiers.map((t) => t.customerId), tiers.map((t) => t.tier), at],
    );
    return rows.map((r) => r.value_tier);
  }

  /** Customers with a tier but no spend in the window lose it (S-2: no spend, no tier). */
  async clearTiers(manager: EntityManager, since: Date, at: Date): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE customers SET value_tier = NULL, updated_at = $2
       WHERE value_tier IS NOT NULL AND id NOT IN (SELECT customer_id FROM (${SPEND_SQL}) s)`,
      [since, at],
    );
    return count;
  }
}

function toFacts(r: FactsRow): CustomerStageFacts {
  return {
    customerId: r.id,
    stage: r.stage,
    ownerId: r.owner_id,
    departmentId: r.department_id,
    openComplaints: Number(r.open_complaints),
    lastComplaintResolvedAt: r.last_resolved_at === null ? null : toDate(r.last_resolved_at),
    lastAttendedAt: r.last_attended_at === null ? null : toDate(r.last_attended_at),
    purchases: (r.purchases ?? []).map(toDate),
  };
}
