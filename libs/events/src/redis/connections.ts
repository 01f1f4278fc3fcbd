import type { Worker } from 'bullmq';
import Redis from 'ioredis';
import { within } from '../support/timeout';

/** Reconnect quickly after a Redis restart, but never hammer a Redis that stays down. */
const retryStrategy = (times: number) => Math.min(100 * times, 2000);

/** How long a closing socket may linger before it is destroyed (ioredis waits 2 s by default). */
const disconnectTimeout = 200;

/**
 * For BullMQ Workers: blocking commands must wait out a Redis restart instead of failing, so BullMQ requires
 * `maxRetriesPerRequest: null` here.
 */
export function createWorkerConnection(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy,
    disconnectTimeout,
    connectionName: name,
  });
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
    disconnectTimeout,
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

/**
 * Stops a BullMQ worker. With Redis reachable it waits (up to `graceMs`) for the jobs in hand, so a handler
 * finishes its transaction and BullMQ records the result. With Redis gone nothing can be recorded and BullMQ
 * would wait for Redis forever, so it closes at once: a job in hand keeps its lock until it expires and is
 * then handled again elsewhere, which the inbox makes harmless.
 */
export async function closeWorker(worker: Worker, connection: Redis, graceMs: number): Promise<void> {
  const graceful = connection.status === 'ready';
  const closing = worker.close(!graceful);
  const closed = await within(graceful ? graceMs : 1000, closing, 'Closing the worker').then(
    () => true,
    () => false,
  );
  // Cutting the connection ends BullMQ's wait for it; the close then completes.
  await closeConnection(connection);
  if (!closed) await within(2000, closing, 'Closing the worker').catch(() => undefined);
}

/**
 * Errors that only say Redis is unreachable. Workers report one per reconnect attempt; they are logged at
 * debug, since the relay already reports an outage (with backoff) and anything else stays at warn.
 */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  if (
    code &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(
      code,
    )
  ) {
    return true;
  }
  return /Connection is closed|Stream isn't writeable|connect E[A-Z]+/.test(
    e instanceof Error ? e.message : String(e),
  );
}
