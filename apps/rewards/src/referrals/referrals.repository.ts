import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import type { ReferralSpend } from './referral-points';

export interface KnownSale {
  saleId: string;
  meetingId: string;
  customerId: string;
  referrerId: string | null;
}

/** Every query on referral bonuses, sales, held refunds and spend per (customer, meeting, referrer). */
@Injectable()
export class ReferralsRepository {
  /** Records the R-1 bonus of a referred customer; false when one was already paid for them. */
  async claimBonus(tx: Tx, b: { referredCustomerId: string; referrerId: string; meetingId: string; sourceEventId: string; now: Date }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO referral_bonuses (referred_customer_id, referrer_id, meeting_id, source_event_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (referred_customer_id) DO NOTHING RETURNING referred_customer_id`,
      [b.referredCustomerId, b.referrerId, b.meetingId, b.sourceEventId, b.now],
    );
    return rows.length > 0;
  }

  /**
   * Serialises everything that touches one sale (the sale and its refunds), across instances: without it a
   * refund could be held just as its sale is recorded elsewhere, and never be applied.
   */
  async lockSale(tx: Tx, saleId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rewards:sale:${saleId}`]);
  }

  /** Records a sale; false when it was already known. */
  async addSale(tx: Tx, s: KnownSale & { amountFen: number; sourceEventId: string; now: Date }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO referral_sales (sale_id, meeting_id, customer_id, referrer_id, amount_fen, source_event_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (sale_id) DO NOTHING RETURNING sale_id`,
      [s.saleId, s.meetingId, s.customerId, s.referrerId, s.amountFen, s.sourceEventId, s.now],
    );
    return rows.length > 0;
  }

  async findSale(tx: Tx, saleId: string): Promise<KnownSale | null> {
    const [row] = await tx.query(`SELECT sale_id, meeting_id, customer_id, referrer_id FROM referral_sales WHERE sale_id = $1`, [saleId]);
    return row ? { saleId: row.sale_id, meetingId: row.meeting_id, customerId: row.customer_id, referrerId: row.referrer_id } : null;
  }

  /** Records a refund, applied or held; false when it was already received. */
  async addRefund(tx: Tx, r: { refundId: string; saleId: string; amountFen: number; sourceEventId: string; now: Date; applied: boolean }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO referral_refunds (refund_id, sale_id, amount_fen, source_event_id, received_at, applied_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (refund_id) DO NOTHING RETURNING refund_id`,
      [r.refundId, r.saleId, r.amountFen, r.sourceEventId, r.now, r.applied ? r.now : null],
    );
    return rows.length > 0;
  }

  /** Marks the refunds held for a sale as applied and answers their total in fen. */
  async applyHeldRefunds(tx: Tx, saleId: string, now: Date): Promise<number> {
    const [row] = await tx.query(
      `WITH applied AS (UPDATE referral_refunds SET applied_at = $2 WHERE sale_id = $1 AND applied_at IS NULL RETURNING amount_fen)
       SELECT coalesce(sum(amount_fen), 0)::text AS total FROM applied`,
      [saleId, now],
    );
    return Number(row.total);
  }

  /** The spend of one (customer, meeting, referrer), created empty when missing, locked until commit. */
  async lockSpend(tx: Tx, key: { customerId: string; meetingId: string; referrerId: string }, now: Date): Promise<ReferralSpend> {
    await tx.query(
      `INSERT INTO referral_spends (customer_id, meeting_id, referrer_id, net_fen, credited_points, updated_at) VALUES ($1, $2, $3, 0, 0, $4) ON CONFLICT DO NOTHING`,
      [key.customerId, key.meetingId, key.referrerId, now],
    );
    const [row] = await tx.query(
      `SELECT net_fen::text, credited_points FROM referral_spends WHERE customer_id = $1 AND meeting_id = $2 AND referrer_id = $3 FOR UPDATE`,
      [key.customerId, key.meetingId, key.referrerId],
    );
    return { netFen: Number(row.net_fen), creditedPoints: row.credited_points };
  }

  async saveSpend(tx: Tx, key: { customerId: string; meetingId: string; referrerId: string }, spend: ReferralSpend, now: Date): Promise<void> {
    await tx.query(
      `UPDATE referral_spends SET net_fen = $4, credited_points = $5, updated_at = $6 WHERE customer_id = $1 AND meeting_id = $2 AND referrer_id = $3`,
      [key.customerId, key.meetingId, key.referrerId, spend.netFen, spend.creditedPoints, now],
    );
  }
}
