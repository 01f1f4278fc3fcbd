import { randomUUID } from 'node:crypto';
import { FixedClock } from '@crm/clock';
import { requestContext } from '@crm/logging';
import { Queue, QueueEvents } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AnyEventEnvelope } from '../catalogue/envelope';
import { EVENT_BACKOFF_TYPE, MAX_DELIVERY_ATTEMPTS } from '../relay/delivery';
import { recordSalesIn, sale } from '../testing/fixtures';
import {
  dropRedisPrefix,
  eventsTestDatabase,
  scratchRedisPrefix,
  testLogger,
  testRedisUrl,
  waitFor,
  type EventsTestDatabase,
} from '../testing/harness';
import { EventConsumer, type EventConsumerOptions } from './event.consumer';

/** The consumer against real PostgreSQL and Redis: idempotence (demonstration b), retries, odd jobs. */
describe('event consumer', () => {
  const clock = new FixedClock(new Date('2026-03-01T02:00:00Z'));
  const prefix = scratchRedisPrefix();
  let t: EventsTestDatabase;
  let rewards: DataSource;
  let queue: Queue;
  let queueEvents: QueueEvents;
  let consumer: EventConsumer<'rewards'> | undefined;

  beforeAll(async () => {
    t = await eventsTestDatabase(['rewards']);
    rewards = await t.open('rewards');
    queue = new Queue('events.rewards', { connection: { url: testRedisUrl() }, prefix });
    queueEvents = new QueueEvents('events.rewards', { connection: { url: testRedisUrl() }, prefix });
    await queueEvents.waitUntilReady();
  });

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
    await queue.obliterate({ force: true });
    await rewards.query('TRUNCATE rewards.inbox, rewards.effects');
  });

  afterAll(async () => {
    await queueEvents.close();
    await queue.close();
    await dropRedisPrefix(testRedisUrl(), prefix);
    await t.close();
  });

  function envelope(overrides: Partial<AnyEventEnvelope> = {}): AnyEventEnvelope {
    return {
      id: randomUUID(),
      name: 'sale.recorded',
      version: 1,
      producer: 'campaigns',
      payload: sale(1),
      requestId: 'req-from-campaigns',
      occurredAt: '2026-03-01T01:59:00.000Z',
      ...overrides,
    } as AnyEventEnvelope;
  }

  /** Adds a job as the relay does: event id as job id, the delivery ceiling and the consumer's backoff. */
  function publish(e: AnyEventEnvelope, jobId = e.id) {
    return queue.add(e.name, e, {
      jobId,
      attempts: MAX_DELIVERY_ATTEMPTS,
      backoff: { type: EVENT_BACKOFF_TYPE },
    });
  }

  async function start(
    configure: (c: EventConsumer<'rewards'>) => void,
    options: Partial<EventConsumerOptions<'rewards'>> = {},
  ) {
    const c = new EventConsumer<'rewards'>({
      service: 'rewards',
      dataSource: rewards,
      clock,
      redisUrl: testRedisUrl(),
      redisPrefix: prefix,
      logger: testLogger(),
      retry: { initialMs: 50, maxMs: 100 },
      ...options,
    });
    consumer = c;
    configure(c);
    await c.start();
    return c;
  }

  const count = async (table: string) =>
    (await rewards.query(`SELECT count(*)::int AS n FROM rewards.${table}`))[0].n;

  it('(b) has one effect when the same event arrives twice, whatever the job id', async () => {
    const c = await start((c) => recordSalesIn(c));
    const e = envelope();
    const first = await publish(e);
    await first.waitUntilFinished(queueEvents, 5000);
    // The relay re-adding after a crash between Redis and its commit: same job id, BullMQ ignores it.
    expect((await publish(e)).id).toBe(e.id);
    // A re-add after the completed job was trimmed, or another path entirely: a new job id.
    const again = await publish(e, `${e.id}-again`);
    expect(await again.waitUntilFinished(queueEvents, 5000)).toBe('duplicate');
    // Handling the envelope directly (a replay tool) is a no-op too.
    expect(await c.handle(e)).toBe('duplicate');

    expect(await count('effects')).toBe(1);
    const inbox = await rewards.query(`SELECT event_id, name, received_at FROM rewards.inbox`);
    expect(inbox).toEqual([{ event_id: e.id, name: 'sale.recorded', received_at: clock.now() }]);
  });

  it('hands the handler its transaction and the producer request id, also for its log lines', async () => {
    const seen: { requestId?: string; inTransaction: boolean; occurredAt: string }[] = [];
    await start((c) =>
      c.on('sale.recorded', async (_payload, ctx) => {
        seen.push({
          requestId: requestContext.requestId(),
          inTransaction: ctx.manager.queryRunner?.isTransactionActive === true,
          occurredAt: ctx.occurredAt.toISOString(),
        });
      }),
    );
    const withRequest = envelope();
    const withoutRequest = envelope({ requestId: null });
    await (await publish(withRequest)).waitUntilFinished(queueEvents, 5000);
    await (await publish(withoutRequest)).waitUntilFinished(queueEvents, 5000);
    expect(seen).toEqual([
      { requestId: 'req-from-campaigns', inTransaction: true, occurredAt: '2026-03-01T01:59:00.000Z' },
      // A sweep's event has no request: the event id stands in, so its lines still join up.
      { requestId: withoutRequest.id, inTransaction: true, occurredAt: '2026-03-01T01:59:00.000Z' },
    ]);
  });

  it('retries a failing handler with backoff, rolling back each failed attempt', async () => {
    let calls = 0;
    await start((c) =>
      recordSalesIn(c).on('fine.imposed', async (_fine, ctx) => {
        calls += 1;
        await ctx.manager.query(`INSERT INTO rewards.effects (event_id, name) VALUES ($1, 'fine')`, [
          ctx.eventId,
        ]);
        if (calls < 3) throw new Error(`transient failure ${calls}`);
      }),
    );
    const e = envelope({
      name: 'fine.imposed',
      payload: {
        fineId: randomUUID(),
        employeeId: randomUUID(),
        departmentId: randomUUID(),
        amountFen: 1000,
        rule: 'J-7',
        sourceId: randomUUID(),
        imposedAt: '2026-03-01T10:00:00.000Z',
      },
    });
    const job = await publish(e);
    expect(await job.waitUntilFinished(queueEvents, 10_000)).toBe('handled');
    expect(calls).toBe(3);
    // The two failed attempts' writes (inbox row included) rolled back with them.
    expect(await count('effects')).toBe(1);
    expect(await count('inbox')).toBe(1);
    // BullMQ counts every attempt made, the successful third one included.
    expect((await queue.getJob(e.id))!.attemptsMade).toBe(3);
  });

  it('gives up after its attempts and keeps the failed job for inspection', async () => {
    await start((c) => c.on('sale.recorded', async () => Promise.reject(new Error('always broken'))), {
      attempts: 3,
    });
    const e = envelope();
    await publish(e);
    const failed = await waitFor(
      async () => ((await queue.getJobState(e.id)) === 'failed' ? queue.getJob(e.id) : null),
      10_000,
      'failure',
    );
    expect(failed!.failedReason).toBe('always broken');
    expect(failed!.attemptsMade).toBe(3);
    expect(await count('inbox')).toBe(0);
    // Kept: an operator can retry it once the cause is fixed.
    expect(await queue.getFailedCount()).toBe(1);
  });

  it('acknowledges events it does not know or handle; fails, for a later retry, versions newer than it knows', async () => {
    await start((c) => recordSalesIn(c), { attempts: 1 });
    const unknown = envelope({ name: 'sale.teleported' as never });
    const unhandled = envelope({
      name: 'api_key.revoked',
      payload: { keyId: randomUUID(), revokedAt: '2026-03-01T00:00:00.000Z' },
    });
    expect(await (await publish(unknown)).waitUntilFinished(queueEvents, 5000)).toBe('ignored');
    expect(await (await publish(unhandled)).waitUntilFinished(queueEvents, 5000)).toBe('ignored');

    const newer = envelope({ version: 2 });
    await expect((await publish(newer)).waitUntilFinished(queueEvents, 5000)).rejects.toThrow(
      'newer than this consumer knows',
    );
    const garbage = await queue.add('sale.recorded', { hello: 'world' } as never, { jobId: randomUUID() });
    await expect(garbage.waitUntilFinished(queueEvents, 5000)).rejects.toThrow(
      'does not carry an event envelope',
    );
    expect(await count('inbox')).toBe(0);
  });
});
