import Redis from 'ioredis';

/**
 * Removes every key of the suite's Redis prefix. startSuite drops the database but leaves Redis alone, and
 * the import's relay leaves hundreds of thousands of jobs for consumers that were never started.
 */
export async function removeRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}
