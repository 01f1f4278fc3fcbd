import Redis from 'ioredis';

/** Reconnect quickly after a Redis restart, but never hammer a Redis that stays down. */
const retryStrategy = (times: number) => Math.min(100 * times, 2000);

/**
 * For BullMQ Workers: blocking commands must wait out a Redis restart instead of failing, so BullMQ requires
 * `maxRetriesPerRequest: null` here.
 */
export function createWorkerConnection(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, retryStrategy, connectionName: name });
}

/**
 * For producers (the relay, scheduler upserts): fail at once while Redis is down rather than queue commands
 * in memory, so the outbox row stays unpublished and is retried from the database, which is the truth.
 */
export function createProducerConnection(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy,
    connectionName: name,
  });
}

/** Closes a connection without waiting on a Redis that may be gone. */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status === 'ready') {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through: the socket is already unusable
    }
  }
  redis.disconnect();
}
