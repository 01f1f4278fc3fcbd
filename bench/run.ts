/**
 * `npm run bench`: the suite's benchmarks, each side by side with a plain baseline in one run, printed and
 * written to bench/README.md. A benchmark never fails for being slow (architecture.md "Tests"); it exits
 * non-zero only when it could not measure.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningSuite, startSuite, testRedisUrl, testServerUrl } from '@crm/testing';
import { archiveImportBench } from './archive-import.bench';
import { gatewayReadBench } from './gateway-read.bench';
import { restReadBench } from './rest-read.bench';
import { Comparison, Context } from './support/comparison';
import { withDatabase } from './support/db';
import { removeRedisPrefix } from './support/redis-cleanup';
import { figuresMarkdown, Machine, printFigures, writeFigures } from './support/report';
import { seedCompany } from './support/seed';
import { benchSettings } from './support/settings';

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

async function main(): Promise<void> {
  const settings = benchSettings();
  const host = await machine();
  log(`${host.cores} cores, load ${host.loadAverage}; starting the customers service and the gateway`);

  // Each process logs to a file, as a container runtime would take its stdout: the access log's line per
  // request costs the service what it costs in production, and nothing in the process that runs autocannon.
  const logDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  let suite: RunningSuite | undefined;
  const stopAll = async () => {
    const running = suite;
    suite = undefined;
    try {
      if (!running) return;
      await running.stop();
      await removeRedisPrefix(testRedisUrl(), running.redisPrefix);
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }
  };
  const interrupted = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const comparisons: Comparison[] = [];
  const contexts: Context[] = [];
  try {
    // From dist/ on free ports, on a fresh empty database the service migrates at start (template: null), as
    // deployed (k8s configmaps): NODE_ENV=production (no movable clock, which outside production reads its
    // offset from Redis on every request; no introspection) and LOG_LEVEL=info (one access-log line per
    // request).
    // BENCH_CPU_PROF=<dir>: the service and the gateway write V8 CPU profiles there when they stop (the
    // profiler slows them, so such a run's figures are for finding hot spots, not for the README).
    const profileDir = process.env.BENCH_CPU_PROF;
    suite = await startSuite({
      services: ['customers'],
      template: null,
      env: { NODE_ENV: 'production', LOG_LEVEL: 'info' },
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [],
      logDir,
    });
    log(`suite up: gateway ${suite.gatewayUrl}, customers ${suite.serviceUrls.customers}; registering ${settings.customers} customers`);
    const company = await seedCompany(suite.serviceUrls.customers, settings.customers);
    const ctx = { suite, company, settings, log };

    const rest = await restReadBench(ctx);
    comparisons.push(rest.comparison);
    contexts.push(rest.context);
    comparisons.push(await gatewayReadBench(ctx));
    // Last: the import leaves an outbox backlog that the relay keeps publishing after the answer.
    comparisons.push(await archiveImportBench(ctx));
  } finally {
    log('stopping the suite');
    await stopAll();
  }

  host.loadAverageAfter = loadavg().map((n) => n.toFixed(2)).join(' / ');
  printFigures(comparisons, contexts, (line) => process.stdout.write(`${line}\n`));
  if (process.env.BENCH_CPU_PROF) {
    log('profiled run: figures not written to the README');
    return;
  }
  writeFigures(README, figuresMarkdown(host, settings, comparisons, contexts));
  log(`figures written to ${README}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
