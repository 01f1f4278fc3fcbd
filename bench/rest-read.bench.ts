import { startBenchProcess } from './support/child-process';
import { BenchContext } from './support/bench-context';
import { Comparison, Context, Side } from './support/comparison';
import { countRows } from './support/db';
import { jwtVerifyCost } from './support/jwt-cost';
import { LoadFigures, LoadTarget, measureLoad, measurePair } from './support/load';

const side = (label: string, f: LoadFigures, runs = 2): Side => ({
  label,
  rate: f.requestsPerSecond,
  unit: 'req/s',
  p50Ms: f.latencyP50Ms,
  p99Ms: f.latencyP99Ms,
  count: f.requests,
  failures: f.failures,
  spread: f.spread,
  runs,
});

async function body(url: string, path: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}${path}`, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/**
 * 1. `GET /api/v1/customers/{id}` of the customers service, called directly on its port, against a plain
 * Fastify + pg server reading the same rows with the same statement (bench/baselines/plain-fastify-server.ts).
 * The caller is the customers' owner: the normal read, full phone, one P-2 audit row per read. A masked read by
 * an employee of another department (no audit row) is measured too, to show what the audit costs.
 */
export async function restReadBench(ctx: BenchContext): Promise<{ comparison: Comparison; context: Context }> {
  const { suite, company, settings } = ctx;
  const serviceUrl = suite.serviceUrls.customers;
  const baseline = await startBenchProcess('baselines/plain-fastify-server', { DATABASE_URL: suite.db.url });
  try {
    const ids = company.customerIds;
    const target = (url: string, headers: Record<string, string>): LoadTarget => ({
      url,
      method: 'GET',
      headers,
      request: (n) => ({ path: `/api/v1/customers/${ids[n % ids.length]}` }),
    });

    // Same row, same answer: the two bodies must be byte for byte the same, or the comparison is unfair.
    const path = `/api/v1/customers/${ids[0]}`;
    const [ours, plain] = await Promise.all([body(serviceUrl, path, company.headers.owner), body(baseline.url, path, {})]);
    if (ours !== plain) throw new Error(`the baseline answers differently from the service:\n${ours}\n${plain}`);

    ctx.log(`REST: plain Fastify + pg (${baseline.url}) and the customers service read by the owner (full phone, audited)`);
    const auditBefore = await countRows(suite.db.url, 'customers.audit_log');
    const pair = await measurePair(target(serviceUrl, company.headers.owner), target(baseline.url, {}), settings);
    const auditAfter = await countRows(suite.db.url, 'customers.audit_log');
    ctx.log('REST: customers service read by an employee of another department (masked, not audited)');
    const outsiderFigures = await measureLoad(target(serviceUrl, company.headers.outsider), settings);

    const jwtCost = await jwtVerifyCost();

    const baselineSide = side('plain Fastify + pg', pair.baseline);
    return {
      comparison: {
        name: 'REST `GET /api/v1/customers/{id}` (owner reads)',
        ours: side('customers service', pair.ours),
        baseline: baselineSide,
        target: 0.6,
        notes: [
          `identical JSON bodies on both sides (${Buffer.byteLength(ours)} bytes)`,
          `audit rows written by the service's warm-up and runs: ${(auditAfter - auditBefore).toLocaleString('en')} (one per read, P-2)`,
          `checking a bearer token's ES256 signature costs ${jwtCost.checkMicros.toFixed(0)} µs of CPU here ` +
            `(${((jwtCost.checkMicros * pair.ours.requestsPerSecond) / 1e4).toFixed(1)}% of one core if every request brought a new token); ` +
            `the same token again is remembered: ${jwtCost.rememberedMicros.toFixed(1)} µs`,
        ],
      },
      context: {
        name: 'REST, masked read by another department (no audit row)',
        side: side('customers service', outsiderFigures, 1),
        against: baselineSide,
        note: 'same rows and load; shows the framework cost without the P-2 audit insert',
      },
    };
  } finally {
    await baseline.stop();
  }
}
