import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';

type Row = Record<string, unknown>;

/** What (besides the shared ownership read model) rewards holds about one customer, table by table, as plain rows (ids, points, amounts in fen, dates, texts). */
export interface RewardsTables {
  knownCustomer: Row | null;
  account: Row | null;
  entries: Row[];
  corrections: Row[];
  redemptions: Row[];
  referralBonuses: Row[];
  referralSales: Row[];
  referralRefunds: Row[];
  referralSpends: Row[];
}

/**
 * Every query of P-3 in rewards: reading everything kept about a customer (the export) and scrubbing the texts
 * that could name them (the erasure). Reads the tables of the other capabilities by their columns only.
 */
@Injectable()
export class PersonalDataRepository {
  async holdings(tx: Tx, customerId: string): Promise<RewardsTables> {
    const rows = (sql: string): Promise<Row[]> => tx.query(sql, [customerId]);
    const one = async (sql: string): Promise<Row | null> => (await rows(sql))[0] ?? null;
    // One after the other: a transaction's queries share one connection.
    const knownCustomer = await one(`SELECT referrer_id AS "referrerId", registered_at AS "registeredAt" FROM customers WHERE id = $1`);
    const account = await one(
      `SELECT balance, lifetime_points AS "lifetimePoints", owed_points AS "owedPoints", updated_at AS "updatedAt" FROM points_accounts WHERE customer_id = $1`,
    );
    const entries = await rows(
      `SELECT id, points, reason, source_event_id AS "sourceEventId", created_at AS "createdAt" FROM points_entries WHERE customer_id = $1 ORDER BY seq`,
    );
    const corrections = await rows(
      `SELECT entry_id AS "entryId", points, corrected_by AS "correctedBy", created_at AS "createdAt" FROM points_corrections WHERE customer_id = $1 ORDER BY created_at, entry_id`,
    );
    const redemptions = await rows(
      `SELECT redemption_id AS "redemptionId", requested_by AS "requestedBy", idempotency_key AS "idempotencyKey", points, gift, status, body AS answer, created_at AS "createdAt"
       FROM redemption_requests WHERE customer_id = $1 ORDER BY created_at, idempotency_key`,
    );
    const referralBonuses = await rows(
      `SELECT referred_customer_id AS "referredCustomerId", referrer_id AS "referrerId", meeting_id AS "meetingId", source_event_id AS "sourceEventId", created_at AS "createdAt"
       FROM referral_bonuses WHERE referred_customer_id = $1 OR referrer_id = $1 ORDER BY created_at`,
    );
    const referralSales = await rows(
      `SELECT sale_id AS "saleId", meeting_id AS "meetingId", customer_id AS "customerId", referrer_id AS "referrerId", amount_fen::float8 AS "amountFen",
              source_event_id AS "sourceEventId", created_at AS "createdAt"
       FROM referral_sales WHERE customer_id = $1 OR referrer_id = $1 ORDER BY created_at, sale_id`,
    );
    const referralRefunds = await rows(
      `SELECT r.refund_id AS "refundId", r.sale_id AS "saleId", r.amount_fen::float8 AS "amountFen", r.source_event_id AS "sourceEventId", r.received_at AS "receivedAt", r.applied_at AS "appliedAt"
       FROM referral_refunds r JOIN referral_sales s ON s.sale_id = r.sale_id WHERE s.customer_id = $1 OR s.referrer_id = $1 ORDER BY r.received_at, r.refund_id`,
    );
    const referralSpends = await rows(
      `SELECT customer_id AS "customerId", meeting_id AS "meetingId", referrer_id AS "referrerId", net_fen::float8 AS "netFen", credited_points AS "creditedPoints", updated_at AS "updatedAt"
       FROM referral_spends WHERE customer_id = $1 OR referrer_id = $1 ORDER BY updated_at, meeting_id`,
    );
    return { knownCustomer, account, entries, corrections, redemptions, referralBonuses, referralSales, referralRefunds, referralSpends };
  }

  /**
   * P-3: the customer's redemption requests keep their ids, points, status and dates; the gift text, in the row
   * and in the stored answer, becomes `erased`, and the fingerprint (a hash of customer, points and gift) becomes
   * `erasedFingerprint`, which no request matches: the same key sent again is IDEMPOTENCY_KEY_REUSED (422) and
   * never redeems twice. Setting the same values again changes nothing, so a redelivery is harmless.
   */
  async scrubRedemptions(tx: Tx, customerId: string, erased: string, erasedFingerprint: string): Promise<void> {
    await tx.query(
      `UPDATE redemption_requests SET gift = $2, fingerprint = $3, body = jsonb_set(body, '{gift}', to_jsonb($2::text), false) WHERE customer_id = $1`,
      [customerId, erased, erasedFingerprint],
    );
  }
}
