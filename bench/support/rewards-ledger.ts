import { Client } from 'pg';
import { REWARDS_SCRATCH, REWARDS_TABLES } from '../baselines/rewards-scratch';
import { withDatabase } from './db';
import { EventPublisher, LedgerPlan } from './rewards-events';

/** One side of the rewards comparison: where its events go and which tables hold its ledger. */
export interface LedgerSide {
  name: 'service' | 'baseline';
  queue: string;
  tables: typeof REWARDS_TABLES | typeof REWARDS_SCRATCH;
}

export interface LedgerRun {
  events: number;
  entries: number;
  /** From the first publish to the poll that found every expected entry. */
  seconds: number;
  /** How long adding the jobs took (inside `seconds`: the consumer starts on the first ones). */
  publishSeconds: number;
}

/** How often the ledger is counted while a run is under way: the run's end is known to within this. */
const POLL_MS = 100;
/** No new entry for this long ends the run as not measurable (a failing handler retries with backoff meanwhile). */
const STALL_MS = 20_000;

const count = async (db: Client, table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

/**
 * Publishes the plan's events to the side's queue and times them, from the first job added until the side's
 * ledger holds every entry they earn. Runs follow one another, so the ledger's growth is this run's.
 */
export async function ledgerRun(dbUrl: string, publisher: EventPublisher, side: LedgerSide, plan: LedgerPlan): Promise<LedgerRun> {
  return withDatabase(dbUrl, async (db) => {
    const target = (await count(db, side.tables.entries)) + plan.entries;
    const started = performance.now();
    await publisher.publish(side.queue, plan.events);
    const publishSeconds = (performance.now() - started) / 1000;
    let seen = -1;
    let progressAt = performance.now();
    for (;;) {
      const n = await count(db, side.tables.entries);
      const at = performance.now();
      if (n >= target) {
        if (n > target) throw new Error(`${side.name}: the ledger holds ${n - target} entries more than the ${plan.entries} the events earn`);
        return { events: plan.events.length, entries: plan.entries, seconds: (at - started) / 1000, publishSeconds };
      }
      if (n !== seen) [seen, progressAt] = [n, at];
      if (at - progressAt > STALL_MS) {
        const counts = await publisher.queue(side.queue).getJobCounts();
        const failures = await publisher.failures(side.queue);
        throw new Error(`${side.name}: no new ledger entry for ${STALL_MS / 1000} s, ${target - n} of ${plan.entries} missing; jobs ${JSON.stringify(counts)}; ${failures.join('; ') || 'no failed job'}`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  });
}

/** Accounts whose cached balance is not the sum of their entries, or negative; entries without an account count too. */
export async function ledgerDrift(dbUrl: string, side: LedgerSide): Promise<{ accounts: number; drifted: number; negative: number; entries: number; points: number }> {
  return withDatabase(dbUrl, async (db) => {
    const { rows } = await db.query(
      `WITH sums AS (SELECT customer_id, sum(points) AS s, count(*) AS n FROM ${side.tables.entries} GROUP BY customer_id)
       SELECT count(a.customer_id)::int AS accounts, count(*) FILTER (WHERE coalesce(a.balance, 0) <> coalesce(s.s, 0))::int AS drifted,
              count(*) FILTER (WHERE a.balance < 0)::int AS negative, coalesce(sum(s.n), 0)::int AS entries, coalesce(sum(s.s), 0)::int AS points
       FROM ${side.tables.accounts} a FULL JOIN sums s ON s.customer_id = a.customer_id`,
    );
    return rows[0];
  });
}

/**
 * Both sides took the same events and the same redemption requests, so their ledgers must agree: the same
 * credits (customer, reason, cause, points) and the same balance on every account. Answers what differs.
 */
export async function sidesDisagree(dbUrl: string): Promise<string[]> {
  const [s, b] = [REWARDS_TABLES, REWARDS_SCRATCH];
  const credits = (x: typeof s | typeof b) => `SELECT customer_id, reason, source_event_id, points FROM ${x.entries} WHERE reason <> 'REDEMPTION'`;
  const balances = (x: typeof s | typeof b) => `SELECT customer_id, balance FROM ${x.accounts}`;
  return withDatabase(dbUrl, async (db) => {
    const differences: string[] = [];
    for (const [what, q] of [['credits', credits], ['balances', balances]] as const) {
      const { rows } = await db.query<{ only_service: number; only_baseline: number }>(
        `SELECT (SELECT count(*) FROM (${q(s)} EXCEPT ${q(b)}) x)::int AS only_service, (SELECT count(*) FROM (${q(b)} EXCEPT ${q(s)}) x)::int AS only_baseline`,
      );
      const { only_service, only_baseline } = rows[0];
      if (only_service || only_baseline) differences.push(`${what}: ${only_service} only in the service's ledger, ${only_baseline} only in the baseline's`);
    }
    return differences;
  });
}
