import { Client } from 'pg';
import { createScratch, dropScratch } from './scratch-tables';

/**
 * Scratch copies of the rewards tables a ledger credit and a redemption write, for the plain baseline
 * (plain-rewards-server.ts): `(LIKE … INCLUDING ALL)` keeps columns, defaults, checks (balance never negative),
 * primary keys and the ledger's unique cause, so the baseline pays for the same indexes and constraints. It
 * drops the append-only triggers, which fire on UPDATE and DELETE only, never on the INSERTs measured here.
 */
export const REWARDS_SCRATCH = {
  entries: 'rewards.bench_points_entries',
  accounts: 'rewards.bench_points_accounts',
  requests: 'rewards.bench_redemption_requests',
} as const;

/** The service's own tables, in the same shape, so a check can read either side. */
export const REWARDS_TABLES: Record<keyof typeof REWARDS_SCRATCH, string> = {
  entries: 'rewards.points_entries',
  accounts: 'rewards.points_accounts',
  requests: 'rewards.redemption_requests',
};

/** The baseline pool's application_name, by which the bench finds its PostgreSQL backends (CPU figures). */
export const BASELINE_APPLICATION_NAME = 'bench-rewards-baseline';

/** The queue the plain consumer takes its jobs from, under the suite's Redis prefix (removed with it). */
export const PLAIN_LEDGER_QUEUE = 'bench.ledger';
/** The same consumer taking as many jobs at once as it has connections: what one job at a time leaves unused. */
export const PLAIN_LEDGER_PARALLEL_QUEUE = 'bench.ledger.parallel';

export const createRewardsScratch = (client: Client) => createScratch(client, REWARDS_SCRATCH, REWARDS_TABLES);
export const dropRewardsScratch = (client: Client) => dropScratch(client, REWARDS_SCRATCH);
