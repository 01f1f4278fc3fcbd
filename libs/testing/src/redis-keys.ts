import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

export const testRedisUrl = () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The test run's mark in every key prefix it makes (set by the global setup, inherited by the workers), so the
 * global teardown removes what this run left behind, never the keys of another run on the same Redis.
 */
export const TEST_RUN_ENV = 'CRM_TEST_RUN';
const RUN_PREFIX = 'crmtest-';

export function testRunId(): string {
  return process.env[TEST_RUN_ENV] ?? 'adhoc';
}

/** A Redis key prefix of its own for one test file, so queues and the clock of parallel files never meet. */
export function scratchRedisPrefix(): string {
  return `${RUN_PREFIX}${testRunId()}-${randomBytes(4).toString('hex')}`;
}

/**
 * Removes every key matching `pattern` (SCAN + UNLINK, never KEYS on a shared Redis). A developer's Redis runs with
 * noeviction, as BullMQ needs, so keys a test leaves behind would fill it over repeated runs.
 */
export async function dropRedisKeys(pattern: string, url: string = testRedisUrl()): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let removed = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/** Removes the keys of one scratch prefix (`<prefix>:...`, as BullMQ, the clock and the rate limiter write them). */
export const dropRedisPrefix = (prefix: string, url?: string) => dropRedisKeys(`${prefix}:*`, url);

/** Removes every key of this test run: what a crashed or interrupted file left behind. */
export const dropTestRunKeys = (url?: string) => dropRedisKeys(`${RUN_PREFIX}${testRunId()}-*`, url);
