import { Side } from './comparison';
import { BackendStates, CpuUse } from './rewards-observe';
import { Measured, measuredTable } from './campaigns-report';
import { Machine, num, runLine } from './report';
import { BenchSettings } from './settings';

/** A side of the ledger row from its runs: entries per second, mean of the runs and how far apart. */
export function ledgerSide(label: string, runs: { entries: number; seconds: number }[]): Side {
  const rates = runs.map((r) => r.entries / r.seconds);
  const rate = rates.reduce((a, b) => a + b, 0) / rates.length;
  return { label, rate, unit: 'rows/s', count: runs.reduce((n, r) => n + r.entries, 0), failures: 0, spread: (Math.max(...rates) - Math.min(...rates)) / rate, runs: runs.length };
}

/** A run with the CPU its side used, and how many events or requests it handled. */
export interface CpuRun {
  seconds: number;
  units: number;
  cpu?: CpuUse;
  states?: BackendStates;
}

/** CPU milliseconds per event or request over `runs` (the side's process and its PostgreSQL backends), if known. */
export function cpuPerUnitMs(runs: CpuRun[]): number | undefined {
  if (!runs.every((r) => r.cpu)) return undefined;
  const units = runs.reduce((n, r) => n + r.units, 0);
  return (runs.reduce((n, r) => n + (r.cpu?.processSeconds ?? 0) + (r.cpu?.databaseSeconds ?? 0), 0) * 1000) / units;
}

/** "process 28% + PostgreSQL 20% of a core, 1.4 + 1.0 ms of CPU per event": where a side's CPU went during its runs. */
export function cpuFigures(runs: CpuRun[], unit: string): string {
  if (!runs.every((r) => r.cpu)) return 'CPU unknown';
  const sum = (f: (r: CpuRun) => number) => runs.reduce((n, r) => n + f(r), 0);
  const [wall, units, proc, database] = [sum((r) => r.seconds), sum((r) => r.units), sum((r) => r.cpu?.processSeconds ?? 0), sum((r) => r.cpu?.databaseSeconds ?? 0)];
  const share = (s: number) => `${((s / wall) * 100).toFixed(0)}%`;
  const per = (s: number) => ((s * 1000) / units).toFixed(2);
  return `process ${share(proc)} + PostgreSQL ${share(database)} of a core, ${per(proc)} + ${per(database)} ms of CPU per ${unit}`;
}

/** "0.3 running a statement, 0.0 waiting for a row lock, …": the side's pool connections on average over its runs. */
export function statesFigures(runs: CpuRun[]): string {
  if (!runs.every((r) => r.states)) return 'connection states unknown';
  const wall = runs.reduce((n, r) => n + r.seconds, 0);
  const mean = (k: keyof BackendStates) => (runs.reduce((n, r) => n + (r.states?.[k] ?? 0) * r.seconds, 0) / wall).toFixed(2);
  return `${mean('running')} running a statement, ${mean('waitingForLock')} waiting for a row lock, ${mean('idleInTransaction')} idle inside a transaction (waiting for their process), ${mean('idle')} idle in the pool`;
}

/** The rewards block of the figures section: machine, settings, the table and the facts behind each row. */
export function rewardsMarkdown(machine: Machine, settings: BenchSettings, rows: Measured[]): string {
  return [
    runLine(machine),
    '',
    `Settings: ${num(settings.rewardsEvents)} events per ledger run crediting ${num(settings.rewardsReferrers)} referrers, published as campaigns' relay publishes them (addBulk of 100) into the real queue; ` +
      `redemptions of 10 points by ${settings.redeemConnections} concurrent callers, ${num(settings.redemptions)} per run over many accounts and ${num(settings.oneAccountRedemptions)} on one account funded for half of them ` +
      `(BENCH_REWARDS_EVENTS=${settings.rewardsEvents}, BENCH_REWARDS_REFERRERS=${settings.rewardsReferrers}, BENCH_REDEMPTIONS=${settings.redemptions}, BENCH_ONE_ACCOUNT_REDEMPTIONS=${settings.oneAccountRedemptions}, BENCH_REDEEM_CONNECTIONS=${settings.redeemConnections}); ` +
      'every request sent once (autocannon with a fixed number of requests), rates from the first request to the last answer; ' +
      "the rewards service runs as deployed (NODE_ENV=production, LOG_LEVEL=info, logs to a file; DATABASE_POOL_SIZE 10; its event consumer takes one job at a time, the default), the baseline with a pool of 10, a Worker of concurrency 1 and no logging. No target (issue #4): figures and ratios.",
    '',
    ...measuredTable('Rewards (issue #4)', rows),
  ].join('\n');
}
