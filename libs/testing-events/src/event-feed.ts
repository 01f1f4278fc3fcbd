import { randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { definitionOf, EVENT_BACKOFF_TYPE, EventName, EventPayload, MAX_DELIVERY_ATTEMPTS, queueFor, ServiceName } from '@crm/events';

/**
 * Test support: publishes events to a consuming service's real queue (`events.<service>`) exactly as a
 * producer's relay does (envelope as job data, event id as job id) and waits until the consumer has handled
 * them. Stands in for a producer that does not exist yet, or that a test leaves out. Not used by services.
 */
export class EventFeed {
  private readonly redis: Redis;
  private readonly queue: Queue;

  constructor(
    redisUrl: string,
    private readonly redisPrefix: string,
    /** The time events carry as occurredAt: the service's clock in service tests, real time otherwise. */
    private readonly clock: { now(): Date } = { now: () => new Date() },
    consumer: ServiceName = 'customers',
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(queueFor(consumer), { connection: this.redis, prefix: redisPrefix });
  }

  /** Adds the event and resolves with its id once the consumer completed it; rejects when it failed. */
  async publish<N extends EventName>(name: N, payload: EventPayload<N>, options: { id?: string; occurredAt?: Date; timeoutMs?: number } = {}): Promise<string> {
    const definition = definitionOf(name);
    const id = options.id ?? randomUUID();
    const envelope = {
      id,
      name,
      version: definition.version,
      producer: definition.producers[0],
      payload,
      requestId: null,
      occurredAt: (options.occurredAt ?? this.clock.now()).toISOString(),
    };
    await this.queue.add(name, envelope, { jobId: id, attempts: MAX_DELIVERY_ATTEMPTS, backoff: { type: EVENT_BACKOFF_TYPE } });
    await this.settled(id, options.timeoutMs ?? 15_000);
    return id;
  }

  private async settled(id: string, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const job = await Job.fromId(this.queue, id);
      if (job) {
        const state = await job.getState();
        if (state === 'completed') return;
        if (state === 'failed' || job.attemptsMade > 0) throw new Error(`event ${job.name} ${id} failed: ${job.failedReason}`);
      }
      if (performance.now() > deadline) throw new Error(`event ${id} was not handled within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Closes the queue and removes every key of the test's prefix. */
  async close(): Promise<void> {
    await this.queue.close();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.redisPrefix}:*`, 'COUNT', 500);
      if (keys.length) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    this.redis.disconnect();
  }
}
