/**
 * The knobs of one benchmark run, read once from the environment so the README can print exactly what was
 * used. Defaults keep a whole run to about 10 minutes on a 2-core machine.
 */
export interface BenchSettings {
  /** Seconds each side of a load comparison is measured, after its warm-up. */
  durationSeconds: number;
  /** Seconds of load before each measured side (JIT, connection pools, PostgreSQL buffers), not counted. */
  warmupSeconds: number;
  /** Concurrent HTTP connections autocannon keeps open (the same for both sides). */
  connections: number;
  /** Customers the read benchmarks rotate through, one after another. */
  customers: number;
  /** Archive rows imported (and copied). */
  importRows: number;
  /** Rows of one archive batch: the service accepts at most 50,000 per batch (archives.service.ts). */
  batchRows: number;
  /** Which parts run (BENCH_ONLY=customers,campaigns,rewards,sweeps,memory; all when unset). */
  only: ReadonlySet<BenchPart>;
  /** Concurrent callers of the invitation latency run (issue #3 asks for 50). */
  inviteConnections: number;
  /** Joint meetings the sheet throughput run hands sheets in for, one sheet per department and meeting. */
  sheetMeetings: number;
  /** Confirmed customers on each of those sheets. */
  sheetCustomers: number;
  /** Which J-3/J-4 path the sheets take: `on-time` (locks at once) or `late` (claims until reconciliation). */
  sheetPath: SheetPath;
  /** Events of one measured ledger run (half `meeting.attended`, half `sale.recorded`; issue #4 asks for 10,000). */
  rewardsEvents: number;
  /** Referrers those events credit, each bringing an equal share of the referred customers. */
  rewardsReferrers: number;
  /** Redemptions of one measured run spread over many accounts. */
  redemptions: number;
  /** Redemptions of one measured run on a single account, half of them more than its balance covers. */
  oneAccountRedemptions: number;
  /** Concurrent callers of the redemption runs (issue #4 asks for 50). */
  redeemConnections: number;
  /** Complaints the complaint-sla sweep runs over (issue #5 asks for 100,000). */
  sweepComplaints: number;
  /** Customers the service-adequacy sweep runs over (issue #6 asks for 100,000). */
  sweepCustomers: number;
  /** Share of them past due (complaints) or due (customers) in the realistic case (issue #5: 1%). */
  sweepDueShare: number;
  /** Share of customers due in the heavy adequacy case. */
  sweepHeavyShare: number;
  /** Seconds of each of the memory part's two mixed loads through the gateway. */
  memoryLoadSeconds: number;
}

export const SHEET_PATHS = ['on-time', 'late'] as const;
export type SheetPath = (typeof SHEET_PATHS)[number];

function sheetPath(): SheetPath {
  const raw = process.env.BENCH_SHEET_PATH?.trim() || 'on-time';
  if (!(SHEET_PATHS as readonly string[]).includes(raw)) throw new Error(`BENCH_SHEET_PATH must be ${SHEET_PATHS.join(' or ')}, got "${raw}"`);
  return raw as SheetPath;
}

export const BENCH_PARTS = ['customers', 'campaigns', 'rewards', 'sweeps', 'memory'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

function parts(): ReadonlySet<BenchPart> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(BENCH_PARTS);
  const named = raw.split(',').map((p) => p.trim());
  const unknown = named.filter((p) => !(BENCH_PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`BENCH_ONLY names ${unknown.join(', ')}; the parts are ${BENCH_PARTS.join(', ')}`);
  return new Set(named as BenchPart[]);
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** A percentage of a whole, as a share (0 < share ≤ 1). */
function percent(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!(n > 0 && n <= 100)) throw new Error(`${name} must be a percentage above 0 and at most 100, got "${raw}"`);
  return n / 100;
}

/** A count that splits in two equal halves (attendances and sales; redemptions that succeed and that are refused). */
function evenInt(name: string, fallback: number): number {
  const n = positiveInt(name, fallback);
  if (n % 2) throw new Error(`${name} must be even, got ${n}`);
  return n;
}

export function benchSettings(): BenchSettings {
  return {
    durationSeconds: positiveInt('BENCH_DURATION', 10),
    warmupSeconds: positiveInt('BENCH_WARMUP', 5),
    connections: positiveInt('BENCH_CONNECTIONS', 10),
    customers: positiveInt('BENCH_CUSTOMERS', 1000),
    importRows: positiveInt('BENCH_IMPORT_ROWS', 100_000),
    batchRows: 50_000,
    only: parts(),
    inviteConnections: positiveInt('BENCH_INVITE_CONNECTIONS', 50),
    sheetMeetings: positiveInt('BENCH_SHEET_MEETINGS', 200),
    sheetCustomers: positiveInt('BENCH_SHEET_CUSTOMERS', 20),
    sheetPath: sheetPath(),
    rewardsEvents: evenInt('BENCH_REWARDS_EVENTS', 10_000),
    rewardsReferrers: positiveInt('BENCH_REWARDS_REFERRERS', 1000),
    redemptions: positiveInt('BENCH_REDEMPTIONS', 5000),
    oneAccountRedemptions: evenInt('BENCH_ONE_ACCOUNT_REDEMPTIONS', 2000),
    redeemConnections: positiveInt('BENCH_REDEEM_CONNECTIONS', 50),
    sweepComplaints: positiveInt('BENCH_SWEEP_COMPLAINTS', 100_000),
    sweepCustomers: positiveInt('BENCH_SWEEP_CUSTOMERS', 100_000),
    sweepDueShare: percent('BENCH_SWEEP_DUE_PERCENT', 1),
    sweepHeavyShare: percent('BENCH_ADEQUACY_HEAVY_PERCENT', 20),
    memoryLoadSeconds: positiveInt('BENCH_MEMORY_SECONDS', 30),
  };
}
