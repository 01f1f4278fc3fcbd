import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AnyEventEnvelope, definitionOf, EVENT_BACKOFF_TYPE, EventName, EventPayload, MAX_DELIVERY_ATTEMPTS } from '@crm/events';

/** as the plan counts on them: 100 points a first attendance, 100 per full 1000 yuan of a sale. */
const POINTS_PER_CREDIT = 100;
const FEN_PER_100_POINTS = 100_000;
/** The relay adds an outbox pass of up to 100 events with one addBulk (outbox.relay.ts batchSize). */
const RELAY_BATCH = 100;

/** An envelope as campaigns' relay builds it from an outbox row (and EventFeed in the service tests). */
function envelope<N extends EventName>(name: N, payload: EventPayload<N>): AnyEventEnvelope {
  const d = definitionOf(name);
  return { id: randomUUID(), name, version: d.version, producer: d.producers[0], payload, requestId: null, occurredAt: new Date().toISOString() } as AnyEventEnvelope;
}

/** Events to publish and the ledger they must leave behind. */
export interface LedgerPlan {
  events: AnyEventEnvelope[];
  /** The customers credited, each with `points / referrers.length` points. */
  referrers: string[];
  /** Entries expected: one credit per event. */
  entries: number;
  points: number;
}

/**
 * `count` events of referred customers, half each kind: each customer first attends a joint meeting brought by
 * a referrer (R-1: 100 points) and then buys for 1,000 to 1,999 yuan there (R-2: 100 points), the two events one
 * after the other as campaigns publishes them. The referrers take turns, so each earns the same.
 */
export function referralPlan(count: number, referrerCount: number): LedgerPlan {
  const referrers = Array.from({ length: referrerCount }, () => randomUUID());
  const meetings = Array.from({ length: 10 }, () => randomUUID());
  const events: AnyEventEnvelope[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count / 2; i++) {
    const customerId = randomUUID();
    const referrerId = referrers[i % referrerCount];
    const meetingId = meetings[i % meetings.length];
    events.push(
      envelope('meeting.attended', { meetingId, meetingDate: now.slice(0, 10), slot: 'EVENING', customerId, attendedAt: now, firstAttendance: true, referrerId, departmentId: null, invitationId: null }),
      envelope('sale.recorded', { saleId: randomUUID(), meetingId, customerId, amountFen: FEN_PER_100_POINTS + (i % 1000) * 99, creditedEmployeeId: randomUUID(), creditedDepartmentId: randomUUID(), referrerId, soldAt: now }),
    );
  }
  return { events, referrers, entries: count, points: count * POINTS_PER_CREDIT };
}

/** One `sale.recorded` per account, by a customer it referred, worth exactly `points` (a multiple of 100) under R-2. */
export function fundingPlan(accounts: readonly string[], points: number): LedgerPlan {
  const now = new Date().toISOString();
  const events = accounts.map((referrerId) =>
    envelope('sale.recorded', { saleId: randomUUID(), meetingId: randomUUID(), customerId: randomUUID(), amountFen: (points / POINTS_PER_CREDIT) * FEN_PER_100_POINTS, creditedEmployeeId: randomUUID(), creditedDepartmentId: randomUUID(), referrerId, soldAt: now }),
  );
  return { events, referrers: [...accounts], entries: accounts.length, points: accounts.length * points };
}

/** Adds envelopes to BullMQ queues of the suite's prefix as a relay does: job id = event id, the producer's retry settings. */
export class EventPublisher {
  private readonly redis: Redis;
  private readonly queues = new Map<string, Queue>();

  constructor(redisUrl: string, private readonly prefix: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  }

  queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) this.queues.set(name, (q = new Queue(name, { connection: this.redis, prefix: this.prefix })));
    return q;
  }

  async publish(queueName: string, events: readonly AnyEventEnvelope[]): Promise<void> {
    const queue = this.queue(queueName);
    for (let i = 0; i < events.length; i += RELAY_BATCH) {
      await queue.addBulk(
        events.slice(i, i + RELAY_BATCH).map((e) => ({ name: e.name, data: e, opts: { jobId: e.id, attempts: MAX_DELIVERY_ATTEMPTS, backoff: { type: EVENT_BACKOFF_TYPE } } })),
      );
    }
  }

  /** Why the queue's failed jobs failed (a few), for the error that ends a run that stopped progressing. */
  async failures(queueName: string): Promise<string[]> {
    const failed = await this.queue(queueName).getFailed(0, 4);
    return failed.map((j) => `${j.name} ${j.id}: ${j.failedReason}`);
  }

  async close(): Promise<void> {
    for (const q of this.queues.values()) await q.close();
    this.redis.disconnect();
  }
}
