/**
 * `npm run bench`: the suite's benchmarks, each side by side with a plain baseline in one run, printed and
 * written to bench/README.md. A benchmark never fails for being slow (architecture.md "Tests"); it exits
 * non-zero only when it could not measure.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { testServerUrl } from '@crm/testing';
import { archiveImportBench } from './archive-import.bench';
import { campaignsBench } from './campaigns.bench';
import { businessZoneFor } from './support/campaigns-plan';
import { gatewayReadBench } from './gateway-read.bench';
import { restReadBench } from './rest-read.bench';
import { rewardsBench } from './rewards.bench';
import { memoryBench } from './memory.bench';
import { sweepsBench } from './sweeps.bench';
import { campaignsMarkdown, printMeasured } from './support/campaigns-report';
import { Comparison, Context } from './support/comparison';
import { withDatabase } from './support/db';
import { figuresMarkdown, Machine, printFigures, writeFigures } from './support/report';
import { rewardsMarkdown } from './support/rewards-report';
import { MemoryProbe } from './support/memory-probe';
import { memoryMarkdown, printMemory } from './support/memory-report';
import { StatementLog } from './support/statement-log';
import { printSweeps, sweepsMarkdown } from './support/sweeps-report';
import { seedCompany } from './support/seed';
import { BenchSettings, benchSettings } from './support/settings';
import { withSuite } from './support/suite-session';

const ROOT = resolve(__dirname, '..', '..');
const README = resolve(ROOT, 'bench', 'README.md');
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** The commit measured, and whether the working tree differed from it (dist/ is built from the tree). */
function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    // Porcelain lines are "XY path": not trimmed, or the first line would lose its leading status column.
    const changed = git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    const listed = changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ');
    return `${git('rev-parse', '--short', 'HEAD').trim()}${changed.length ? ` with uncommitted changes to ${listed}` : ''}`;
  } catch {
    return 'unknown revision';
  }
}

async function machine(): Promise<Machine> {
  const postgres = await withDatabase(testServerUrl(), async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v);
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: `PostgreSQL ${postgres.split(' ')[0]}`,
    loadAverage: loadavg().map((n) => n.toFixed(2)).join(' / '),
    revision: revision(),
  };
}

/** The customers service's three comparisons (README "What is measured"), on a suite of its own. */
async function customersPart(settings: BenchSettings, profileDir: string | undefined): Promise<{ comparisons: Comparison[]; contexts: Context[] }> {
  return withSuite(['customers'], profileDir, async (suite) => {
    log(`suite up: gateway ${suite.gatewayUrl}, customers ${suite.serviceUrls.customers}; registering ${settings.customers} customers`);
    const company = await seedCompany(suite.serviceUrls.customers, settings.customers);
    const ctx = { suite, company, settings, log };
    const rest = await restReadBench(ctx);
    const gateway = await gatewayReadBench(ctx);
    // Last: the import leaves an outbox backlog that the relay keeps publishing after the answer.
    const archive = await archiveImportBench(ctx);
    return { comparisons: [rest.comparison, gateway, archive], contexts: [rest.context] };
  });
}

/**
 * service-visits refuses to serve in production without its health-data key (P-1): a key made for the run,
 * as ops would give it one; the bench writes no health readings.
 */
const HEALTH_DATA_KEY = randomBytes(32).toString('base64');

/** Far from any run: 00:00 on 1 January (cron, business time zone). */
const NOT_DURING_THE_RUN = '0 0 1 1 *';

/** The complaint-sla and service-adequacy sweeps (issues #5 and #6), each service logging its SQL statements. */
async function sweepsPart(settings: BenchSettings, profileDir: string | undefined) {
  const statements = new StatementLog();
  try {
    return await withSuite(
      ['customers', 'complaints', 'service-visits'],
      profileDir,
      (suite) => {
        log(`suite up: gateway ${suite.gatewayUrl}, complaints ${suite.serviceUrls.complaints}, service-visits ${suite.serviceUrls['service-visits']}`);
        return sweepsBench({ suite, settings, statements, log });
      },
      { ...statements.env, HEALTH_DATA_KEY, COMPLAINT_SLA_CRON: NOT_DURING_THE_RUN, ADEQUACY_CRON: NOT_DURING_THE_RUN },
      statements.nodeArgs,
    );
  } finally {
    statements.remove();
  }
}

/** The memory of the whole suite (issue #6): every service and the gateway, each reporting its own heap. */
async function memoryPart(settings: BenchSettings, profileDir: string | undefined) {
  const probe = new MemoryProbe();
  // Invitations need meetings 3 days ahead before the day's deadline: the campaigns part's on-time zone.
  const tz = businessZoneFor('on-time');
  try {
    return await withSuite(
      ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'],
      profileDir,
      (suite) => {
        log(`suite up: all five services and the gateway ${suite.gatewayUrl}; BUSINESS_TZ ${tz}`);
        return memoryBench({ suite, settings, probe, tz, log });
      },
      { ...probe.env, HEALTH_DATA_KEY, BUSINESS_TZ: tz },
      probe.nodeArgs,
    );
  } finally {
    probe.remove();
  }
}

async function main(): Promise<void> {
  const settings = benchSettings();
  const host = await machine();
  // BENCH_CPU_PROF=<dir>: the services and the gateway write V8 CPU profiles there when they stop (the
  // profiler slows them, so such a run's figures are for finding hot spots, not for the README).
  const profileDir = process.env.BENCH_CPU_PROF;
  log(`${host.cores} cores, load ${host.loadAverage}; parts: ${[...settings.only].join(', ')}`);

  const customers = settings.only.has('customers') ? await customersPart(settings, profileDir) : undefined;
  // Campaigns on a suite of its own (customers, campaigns, gateway): with campaigns running, the customers
  // figures above would share the cores with its event consumers, and the import's events with them.
  const campaignsTz = businessZoneFor(settings.sheetPath);
  const campaigns = settings.only.has('campaigns')
    ? await withSuite(['customers', 'campaigns'], profileDir, (suite) => {
        log(`suite up: gateway ${suite.gatewayUrl}, campaigns ${suite.serviceUrls.campaigns}; BUSINESS_TZ ${campaignsTz} (sheets ${settings.sheetPath})`);
        return campaignsBench({ suite, settings, log, tz: campaignsTz });
      }, { BUSINESS_TZ: campaignsTz })
    : undefined;
  // Rewards on a suite of its own too: its consumer is what is measured, and it must have the cores to itself.
  // The gateway needs customers behind it in production (CUSTOMERS_URL); customers stays idle.
  const rewards = settings.only.has('rewards')
    ? await withSuite(['customers', 'rewards'], profileDir, (suite) => {
        log(`suite up: gateway ${suite.gatewayUrl}, rewards ${suite.serviceUrls.rewards}`);
        return rewardsBench({ suite, settings, log });
      })
    : undefined;
  // Sweeps on a suite of its own: complaints and service-visits, with customers for the gateway; their
  // cron schedules moved to a day that does not come during the run, so only the bench triggers them.
  const sweeps = settings.only.has('sweeps') ? await sweepsPart(settings, profileDir) : undefined;
  // Memory last, on the whole suite: all six processes as deployed, and nothing else of the bench running.
  const memory = settings.only.has('memory') ? await memoryPart(settings, profileDir) : undefined;
  log('suites stopped');

  host.loadAverageAfter = loadavg().map((n) => n.toFixed(2)).join(' / ');
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (customers) printFigures(customers.comparisons, customers.contexts, print);
  if (campaigns) printMeasured(campaigns, print);
  if (rewards) printMeasured(rewards, print);
  if (sweeps) printSweeps(sweeps, print);
  if (memory) printMemory(memory, print);
  if (profileDir) {
    log('profiled run: figures not written to the README');
    return;
  }
  if (customers) writeFigures(README, figuresMarkdown(host, settings, customers.comparisons, customers.contexts));
  if (campaigns) writeFigures(README, campaignsMarkdown(host, settings, campaigns, campaignsTz), 'campaigns');
  if (rewards) writeFigures(README, rewardsMarkdown(host, settings, rewards), 'rewards');
  if (sweeps) writeFigures(README, sweepsMarkdown(host, settings, sweeps), 'sweeps');
  if (memory) writeFigures(README, memoryMarkdown(host, settings, memory), 'memory');
  log(`figures written to ${README}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
