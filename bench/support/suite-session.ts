import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningSuite, startSuite, testRedisUrl } from '@crm/testing';
import { removeRedisPrefix } from './redis-cleanup';

/**
 * Starts `services` and the gateway from dist/ on free ports, on a fresh empty database they migrate at start
 * (template: null), as deployed (k8s configmaps): NODE_ENV=production (no movable clock, which outside
 * production reads its offset from Redis on every request; no introspection) and LOG_LEVEL=info (one
 * access-log line per request). Each process logs to a file, as a container runtime would take its stdout:
 * the access log costs the service what it costs in production, and nothing in the process that runs
 * autocannon. Runs `work`, then stops everything and removes the database, the Redis keys and the logs,
 * also on Ctrl-C.
 *
 * `env` adds to the processes' environment (the campaigns part sets BUSINESS_TZ). `profileDir` (BENCH_CPU_PROF): the processes write V8 CPU profiles there when they stop.
 * `nodeArgs` go before the entry point of every process (the sweeps part loads its statement log with --require).
 */
export async function withSuite<T>(
  services: string[],
  profileDir: string | undefined,
  work: (suite: RunningSuite) => Promise<T>,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<T> {
  const logDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  let suite: RunningSuite | undefined;
  // One cleanup, shared: on Ctrl-C the work fails as soon as the database is dropped, and its `finally` must
  // wait for the cleanup already under way (Redis keys included) rather than let the process exit first.
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      const running = suite;
      try {
        if (!running) return;
        await running.stop();
        await removeRedisPrefix(testRedisUrl(), running.redisPrefix);
      } finally {
        rmSync(logDir, { recursive: true, force: true });
      }
    })());
  const interrupted = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    suite = await startSuite({
      services,
      template: null,
      // Sweeps are triggered on demand (served in production only when enabled); the gateway's rate limits stay
      // on, so their cost is in the figures, but far above what one benchmarking address sends.
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        ADMIN_SWEEPS_ENABLED: 'true',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
        RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '100000000',
        ...env,
      },
      nodeArgs: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : []), ...nodeArgs],
      logDir,
    });
    return await work(suite);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stopAll();
  }
}
