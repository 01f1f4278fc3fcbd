/**
 * The knobs of one benchmark run, read once from the environment so the README can print exactly what was
 * used. Defaults keep a whole run under ~6 minutes on a 2-core machine.
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
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
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
  };
}
