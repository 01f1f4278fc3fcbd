import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { definitionOf, EVENT_BACKOFF_TYPE, EventPayload, MAX_DELIVERY_ATTEMPTS, queueFor } from '@crm/events';
import { withDatabase } from './db';

/**
 * Makes an outreach event known to the customers service the way production does: an `outreach.recorded`
 * envelope on the service's own queue, as campaigns' relay would add it (the same shape the service tests'
 * EventFeed publishes), then waits until the consumer has written the read-model row.
 */
export async function recordOutreachEvent(
  suite: { db: { url: string }; redisPrefix: string },
  redisUrl: string,
  payload: Omit<EventPayload<'outreach.recorded'>, 'outreachEventId'>,
): Promise<string> {
  const outreachEventId = randomUUID();
  const definition = definitionOf('outreach.recorded');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueFor('customers'), { connection: redis, prefix: suite.redisPrefix });
  try {
    const id = randomUUID();
    const envelope = {
      id,
      name: 'outreach.recorded',
      version: definition.version,
      producer: definition.producers[0],
      payload: { outreachEventId, ...payload },
      requestId: null,
      occurredAt: new Date().toISOString(),
    };
    await queue.add('outreach.recorded', envelope, { jobId: id, attempts: MAX_DELIVERY_ATTEMPTS, backoff: { type: EVENT_BACKOFF_TYPE } });
  } finally {
    await queue.close();
    redis.disconnect();
  }

  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    const known = await withDatabase(suite.db.url, async (c) => (await c.query('SELECT 1 FROM customers.outreach_events WHERE id = $1', [outreachEventId])).rowCount === 1);
    if (known) return outreachEventId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the customers service did not record outreach event ${outreachEventId} within 15 s`);
}
