import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, type Tx } from '@crm/database';
import { newestFirstPage } from '../database/newest-first-page';
import type { AccountState } from './ledger-posting';
import { PointsAccountEntity, PointsEntryEntity, PointsReason } from './points.entities';

export interface NewEntry {
  customerId: string;
  points: number;
  reason: PointsReason;
  sourceEventId: string;
}

/** An account whose cached figures disagree with its entries. */
export interface AccountDrift {
  customerId: string;
  balance: number;
  entriesSum: number;
  lifetimePoints: number;
  expectedLifetimePoints: number;
}

/** Every query on the points ledger and its accounts. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The customer's account, created empty when missing, locked until the transaction ends: every writer of a
   * customer's entries goes through here, so a balance read and the entries written after it are one decision.
   */
  async lockAccount(tx: Tx, customerId: string, now: Date): Promise<AccountState> {
    const lock = `SELECT balance, lifetime_points, owed_points FROM points_accounts WHERE customer_id = $1 FOR UPDATE`;
    // One statement for an account that exists (nearly always); a new one is created, racing writers agreeing.
    let [row] = await tx.query(lock, [customerId]);
    if (!row) {
      await tx.query(`INSERT INTO points_accounts (customer_id, balance, lifetime_points, owed_points, updated_at) VALUES ($1, 0, 0, 0, $2) ON CONFLICT (customer_id) DO NOTHING`, [customerId, now]);
      [row] = await tx.query(lock, [customerId]);
    }
    return { balance: row.balance, lifetimePoints: row.lifetime_points, owedPoints: row.owed_points };
  }

  /**
   * Takes `points` from the balance when it covers them, in one conditional UPDATE that also locks the account
   * until the transaction ends; answers the new balance, or null when the balance is short or there is no account.
   */
  async debitIfCovered(tx: Tx, customerId: string, points: number, now: Date): Promise<number | null> {
    const [rows]: [{ balance: number }[], number] = await tx.query(
      `UPDATE points_accounts SET balance = balance - $2, updated_at = $3 WHERE customer_id = $1 AND balance >= $2 RETURNING balance`,
      [customerId, points, now],
    );
    return rows.length ? rows[0].balance : null;
  }

  async balanceOf(tx: Tx, customerId: string): Promise<number> {
    const [row] = await tx.query(`SELECT balance FROM points_accounts WHERE customer_id = $1`, [customerId]);
    return row?.balance ?? 0;
  }

  async saveAccount(tx: Tx, customerId: string, a: AccountState, now: Date): Promise<void> {
    await tx.query(`UPDATE points_accounts SET balance = $2, lifetime_points = $3, owed_points = $4, updated_at = $5 WHERE customer_id = $1`, [customerId, a.balance, a.lifetimePoints, a.owedPoints, now]);
  }

  /** Whether this cause already moved this customer's points for this reason (call with the account locked). */
  async hasEntry(tx: Tx, customerId: string, sourceEventId: string, reason: PointsReason): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM points_entries WHERE source_event_id = $1 AND customer_id = $2 AND reason = $3`, [sourceEventId, customerId, reason]);
    return rows.length > 0;
  }

  /** Appends entries in one statement; the unique constraint refuses a cause credited twice. */
  async append(tx: Tx, entries: readonly NewEntry[], now: Date): Promise<string[]> {
    if (!entries.length) return [];
    const ids = entries.map(() => randomUUID());
    await tx.query(
      `INSERT INTO points_entries (id, customer_id, points, reason, source_event_id, created_at)
       SELECT e.*, $6::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::uuid[]) AS e`,
      [ids, entries.map((e) => e.customerId), entries.map((e) => e.points), entries.map((e) => e.reason), entries.map((e) => e.sourceEventId), now],
    );
    return ids;
  }

  findEntry(customerId: string, entryId: string): Promise<PointsEntryEntity | null> {
    return this.dataSource.getRepository(PointsEntryEntity).findOneBy({ id: entryId, customerId });
  }

  findAccounts(customerIds: readonly string[]): Promise<PointsAccountEntity[]> {
    return this.dataSource.getRepository(PointsAccountEntity).createQueryBuilder('a').where('a.customer_id = ANY(:ids)', { ids: [...customerIds] }).getMany();
  }

  /** A customer's entries, newest first, a page at a time (keyset on the insertion order). */
  entriesPage(customerId: string, page: { limit: number; cursor?: string }): Promise<Page<PointsEntryEntity>> {
    return newestFirstPage(this.dataSource.getRepository(PointsEntryEntity).createQueryBuilder('e').where('e.customer_id = :customerId', { customerId }), 'e', page);
  }

  /** The newest `first` entries of each customer, in one query (GraphQL loaders). */
  async newestEntriesOf(customerIds: readonly string[], first: number): Promise<PointsEntryEntity[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY seq DESC) AS n FROM points_entries WHERE customer_id = ANY($1)) r WHERE n <= $2`,
      [[...customerIds], first],
    );
    if (!rows.length) return [];
    return this.dataSource.getRepository(PointsEntryEntity).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).orderBy('e.seq', 'DESC').getMany();
  }

  /**
   * Accounts whose cache disagrees with the ledger: balance ≠ sum of entries, or lifetime points ≠ the earning
   * entries (all but redemptions) less what is owed. Entries without an account count as drift too.
   */
  async drift(limit: number): Promise<{ checked: number; drifted: number; accounts: AccountDrift[] }> {
    const [{ checked, drifted }] = await this.dataSource.query(`${DRIFT_SQL} SELECT (SELECT count(*) FROM totals)::int AS checked, count(*)::int AS drifted FROM drifted`);
    const rows: { customer_id: string; balance: number; entries_sum: string; lifetime_points: number; expected_lifetime: string }[] = await this.dataSource.query(
      `${DRIFT_SQL} SELECT * FROM drifted ORDER BY customer_id LIMIT $1`,
      [limit],
    );
    return {
      checked,
      drifted,
      accounts: rows.map((r) => ({ customerId: r.customer_id, balance: r.balance, entriesSum: Number(r.entries_sum), lifetimePoints: r.lifetime_points, expectedLifetimePoints: Number(r.expected_lifetime) })),
    };
  }
}

const DRIFT_SQL = `
  WITH sums AS (
    SELECT customer_id, sum(points) AS entries_sum, sum(points) FILTER (WHERE reason <> 'REDEMPTION') AS earned
    FROM points_entries GROUP BY customer_id
  ), totals AS (
    SELECT coalesce(a.customer_id, s.customer_id) AS customer_id, coalesce(a.balance, 0) AS balance,
           coalesce(s.entries_sum, 0) AS entries_sum, coalesce(a.lifetime_points, 0) AS lifetime_points,
           coalesce(s.earned, 0) - coalesce(a.owed_points, 0) AS expected_lifetime
    FROM points_accounts a FULL JOIN sums s ON s.customer_id = a.customer_id
  ), drifted AS (
    SELECT * FROM totals WHERE balance <> entries_sum OR lifetime_points <> expected_lifetime
  )`;
