import Redis, { RedisOptions } from 'ioredis';

/** A Redis connection for commands that should fail fast rather than queue while Redis is down. */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, ...options });
}

export const REDIS = Symbol('REDIS');
