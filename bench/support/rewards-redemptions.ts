import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { signedIn } from './tokens';
import { withDatabase } from './db';
import { FixedLoadFigures, FixedRequest } from './fixed-load';
import { LedgerSide } from './rewards-ledger';

/** Points of every redemption: a small gift, so an account funded by the referral runs covers many. */
export const REDEEM_POINTS = 10;

// A CRM clerk redeems at the counter (PointsPolicy.redeem of points/points.policy.ts); the baseline ignores the token.
const clerk = { ...signedIn(Role.CRM_CLERK), 'content-type': 'application/json' };

/**
 * `count` redemptions taking turns over `accounts`, each with its own Idempotency-Key: a retry would replay,
 * not redeem. The same list goes to both sides, so their ledgers can be compared afterwards.
 */
export function redemptionRequests(accounts: readonly string[], count: number, gift: string): FixedRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    method: 'POST',
    path: `/api/v1/points/${accounts[i % accounts.length]}/redemptions`,
    headers: { ...clerk, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ points: REDEEM_POINTS, gift }),
  }));
}

/** What one account's redemptions did, read back, and whether it is what the rules allow. */
export interface OneAccountOutcome {
  funded: number;
  succeeded: number;
  refused: number;
  balance: number;
  /** Refusals stored with POINTS_INSUFFICIENT (the service's replayable answers; the baseline's too). */
  insufficientStored: number;
  problems: string[];
}

/**
 * R-3 under contention: successes × points never more than funded, the balance never negative (a check
 * constraint on both sides) and equal to what is left, and every refusal a 409 POINTS_INSUFFICIENT that came
 * only once the balance was spent: with equal redemptions, exactly funded / points succeed.
 */
export async function oneAccountOutcome(dbUrl: string, side: LedgerSide, accountId: string, funded: number, run: FixedLoadFigures): Promise<OneAccountOutcome> {
  return withDatabase(dbUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT (SELECT balance FROM ${side.tables.accounts} WHERE customer_id = $1) AS balance,
              (SELECT coalesce(sum(points), 0)::int FROM ${side.tables.entries} WHERE customer_id = $1) AS entries_sum,
              (SELECT count(*)::int FROM ${side.tables.requests} WHERE customer_id = $1 AND status = 409 AND body->>'code' = 'POINTS_INSUFFICIENT') AS insufficient`,
      [accountId],
    );
    const { balance, entries_sum: entriesSum, insufficient } = rows[0];
    const succeeded = run.statuses['201'] ?? 0;
    const refused = run.statuses['409'] ?? 0;
    const problems: string[] = [];
    const other = run.requests - succeeded - refused;
    if (other) problems.push(`${other} answers neither 201 nor 409 (${JSON.stringify(run.statuses)}, ${run.errors} socket errors)`);
    if (succeeded * REDEEM_POINTS > funded) problems.push(`${succeeded} × ${REDEEM_POINTS} points redeemed from ${funded} funded`);
    if (balance < 0) problems.push(`balance ${balance}`);
    if (balance !== funded - succeeded * REDEEM_POINTS || balance !== entriesSum) problems.push(`balance ${balance}, entries add up to ${entriesSum}, funded ${funded} less ${succeeded} × ${REDEEM_POINTS}`);
    if (succeeded !== Math.min(run.requests, Math.floor(funded / REDEEM_POINTS))) problems.push(`${succeeded} succeeded where ${Math.floor(funded / REDEEM_POINTS)} fit the balance`);
    if (insufficient !== refused) problems.push(`${refused} answered 409 but ${insufficient} stored as POINTS_INSUFFICIENT`);
    return { funded, succeeded, refused, balance, insufficientStored: insufficient, problems: problems.map((p) => `${side.name}: ${p}`) };
  });
}
