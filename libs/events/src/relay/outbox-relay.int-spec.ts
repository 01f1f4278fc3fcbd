import { FixedClock, SystemClock } from '@crm/clock';
import { requestContext } from '@crm/logging';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { EventConsumer } from '../consumer/event.consumer';
import { OutboxWriter } from '../outbox/outbox.writer';
import { recordSalesIn, sale } from '../testing/fixtures';
import {
  dropRedisPrefix,
  eventsTestDatabase,
  RedisServer,
  scratchRedisPrefix,
  testLogger,
  testRedisUrl,
  waitFor,
  type EventsTestDatabase,
} from '../testing/harness';
import { OutboxRelay, type OutboxRelayOptions } from './outbox.relay';

/**
 * The relay against real PostgreSQL and Redis: prompt wake-ups, a Redis outage (demonstration a), order and
 * several instances (demonstration d).
 */
describe('outbox relay', () => {
  const clock = new SystemClock();
  const logger = testLogger();
  let t: EventsTestDatabase;
  let campaigns: DataSource;
  let rewards: DataSource;
  const writer = new OutboxWriter('campaigns', clock);
  const stops: (() => Promise<unknown>)[] = [];
  const prefixes: [string, string][] = [];

  beforeAll(async () => {
    t = await eventsTestDatabase(['campaigns', 'rewards']);
    campaigns = await t.open('campaigns');
    rewards = await t.open('rewards');
  });

  afterEach(async () => {
    // Stop in reverse order of start: consumers, then relays, then servers.
    while (stops.length) await stops.pop()!();
    await campaigns.query('TRUNCATE campaigns.outbox');
    await rewards.query('TRUNCATE rewards.inbox, rewards.effects');
  });

  afterAll(async () => {
    for (const [url, prefix] of prefixes) await dropRedisPrefix(url, prefix);
    await t.close();
  });

  function prefixOn(url: string): string {
    const prefix = scratchRedisPrefix();
    prefixes.push([url, prefix]);
    return prefix;
  }

  async function startRelay(
    options: Partial<OutboxRelayOptions> & { redisPrefix: string },
  ): Promise<OutboxRelay> {
    const relay = new OutboxRelay({
      service: 'campaigns',
      dataSource: campaigns,
      clock,
      redisUrl: testRedisUrl(),
      logger,
      ...options,
    });
    await relay.start();
    stops.push(() => relay.stop());
    return relay;
  }

  async function startConsumer(
    redisPrefix: string,
    redisUrl = testRedisUrl(),
  ): Promise<EventConsumer<'rewards'>> {
    const consumer = recordSalesIn(
      new EventConsumer({ service: 'rewards', dataSource: rewards, clock, redisUrl, redisPrefix, logger }),
    );
    await consumer.start();
    stops.push(() => consumer.stop());
    return consumer;
  }

  const effects = async () =>
    (await rewards.query(`SELECT event_id, detail, request_id FROM rewards.effects ORDER BY seq`)) as {
      event_id: string;
      detail: { amountFen: number };
      request_id: string;
    }[];
  /** The effects once there are any (an empty list would satisfy waitFor at once). */
  const someEffects = async () => ((await effects()).length ? effects() : null);

  it('wakes on NOTIFY the moment a command commits, not on the slow poll', async () => {
    const prefix = prefixOn(testRedisUrl());
    // Another DataSource writes, so only PostgreSQL's notification can tell this relay.
    const otherInstance = await t.open('campaigns', 2);
    const relay = await startRelay({ redisPrefix: prefix, pollIntervalMs: 60_000, dataSource: campaigns });
    await startConsumer(prefix);
    await waitFor(async () => (await relay.backlog()) === 0, 5000, 'the initial pass');

    const started = performance.now();
    const [event] = await requestContext.run({ requestId: 'req-notify-1' }, () =>
      otherInstance.transaction((m) => writer.append(m, { name: 'sale.recorded', payload: sale(1) })),
    );
    const [effect] = await waitFor(someEffects, 5000, 'the consumer');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(effect).toMatchObject({
      event_id: event.id,
      request_id: 'req-notify-1',
      detail: { amountFen: 100_001 },
    });

    const [row] = await campaigns.query(
      `SELECT published_at, attempts, last_error FROM campaigns.outbox WHERE id = $1`,
      [event.id],
    );
    expect(row.published_at).not.toBeNull();
    expect(row).toMatchObject({ attempts: 1, last_error: null });
  });

  it('wakes in-process on commit without LISTEN, and never publishes a rolled-back event', async () => {
    const prefix = prefixOn(testRedisUrl());
    await startRelay({ redisPrefix: prefix, pollIntervalMs: 60_000, listen: false });
    await startConsumer(prefix);

    await expect(
      campaigns.transaction(async (m) => {
        await writer.append(m, { name: 'sale.recorded', payload: sale(2) });
        throw new Error('the command failed after appending');
      }),
    ).rejects.toThrow('the command failed');
    const [event] = await campaigns.transaction((m) =>
      writer.append(m, { name: 'sale.recorded', payload: sale(3) }),
    );

    const found = await waitFor(someEffects, 5000, 'the consumer');
    expect(found.map((e) => e.event_id)).toEqual([event.id]);
    const [{ n }] = await campaigns.query(`SELECT count(*)::int AS n FROM campaigns.outbox`);
    expect(n).toBe(1);
  });

  it('(a) accepts a command while Redis is down and delivers its event once Redis is back', async () => {
    const server = await RedisServer.onFreePort();
    await server.start();
    stops.push(() => server.stop());
    // Its keys die with the server (no persistence), so nothing to clean up afterwards.
    const prefix = scratchRedisPrefix();
    const relay = await startRelay({
      redisUrl: server.url,
      redisPrefix: prefix,
      pollIntervalMs: 60_000,
      retry: { initialMs: 100, maxMs: 400 },
      redisTimeoutMs: 1000,
    });
    await startConsumer(prefix, server.url);

    await server.stop();
    // The command: state and outbox in one transaction, with Redis gone.
    const [event] = await campaigns.transaction(async (m) => {
      await m.query(
        `CREATE TABLE IF NOT EXISTS campaigns.sales (id uuid PRIMARY KEY, amount_fen int NOT NULL)`,
      );
      const payload = sale(4);
      await m.query(`INSERT INTO campaigns.sales VALUES ($1, $2)`, [payload.saleId, payload.amountFen]);
      return writer.append(m, { name: 'sale.recorded', payload });
    });
    const [failed] = await waitFor(
      async () => {
        const rows = await campaigns.query(
          `SELECT attempts, last_error FROM campaigns.outbox WHERE attempts > 0 AND published_at IS NULL`,
        );
        return rows.length ? rows : null;
      },
      5000,
      'a failed publication attempt',
    );
    expect(failed.last_error).toEqual(expect.any(String));
    expect(await relay.backlog()).toBe(1);

    await server.start();
    const delivered = await waitFor(someEffects, 15_000, 'delivery after Redis came back');
    expect(delivered.map((e) => e.event_id)).toEqual([event.id]);
    const [row] = await campaigns.query(`SELECT published_at, attempts, last_error FROM campaigns.outbox`);
    expect(row.published_at).not.toBeNull();
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.last_error).toBeNull();
  });

  it('(d) publishes in sequence order, once, with several relay instances at work', async () => {
    const prefix = prefixOn(testRedisUrl());
    const second = await t.open('campaigns');
    const relays = [
      await startRelay({ redisPrefix: prefix, batchSize: 7 }),
      await startRelay({ redisPrefix: prefix, batchSize: 7, dataSource: second }),
    ];
    // Commands one after another, 1 to 4 events each, written through both instances' pools.
    const written: string[] = [];
    for (let i = 0; i < 20; i++) {
      const ds = i % 2 ? second : campaigns;
      const events = Array.from({ length: (i % 4) + 1 }, (_, k) => ({
        name: 'sale.recorded' as const,
        payload: sale(i * 10 + k),
      }));
      written.push(...(await ds.transaction((m) => writer.append(m, events))).map((e) => e.id));
    }
    await waitFor(async () => (await relays[0].backlog()) === 0, 10_000, 'the backlog to drain');

    // Each row published exactly once: one attempt each, one job each on every consuming queue.
    const rows = await campaigns.query(`SELECT id, attempts FROM campaigns.outbox ORDER BY sequence`);
    expect(rows.map((r: { id: string }) => r.id)).toEqual(written);
    expect(rows.every((r: { attempts: number }) => r.attempts === 1)).toBe(true);
    for (const name of ['events.rewards', 'events.customers']) {
      const queue = new Queue(name, { connection: { url: testRedisUrl() }, prefix });
      expect(await queue.getJobCountByTypes('wait', 'active', 'completed', 'failed', 'delayed')).toBe(
        written.length,
      );
      // The queue hands them out in the order the outbox wrote them (its wait list is FIFO).
      const waiting = await queue.getJobs(['wait'], 0, -1, true);
      expect(waiting.map((j) => j.id)).toEqual(written);
      await queue.close();
    }

    // And a consumer handling one at a time sees them in that order.
    await startConsumer(prefix);
    const handled = await waitFor(
      async () => ((await effects()).length === written.length ? effects() : null),
      10_000,
      'all events',
    );
    expect(handled.map((e) => e.event_id)).toEqual(written);
  });

  it('publishes at start what waits in the outbox; a re-publish after a crash before its commit changes nothing', async () => {
    const prefix = prefixOn(testRedisUrl());
    const [event] = await campaigns.transaction((m) =>
      writer.append(m, { name: 'sale.recorded', payload: sale(6) }),
    );
    // Written while no relay ran; this one publishes it at start (its first pass does not wait for a wake).
    const stopped = await startRelay({ redisPrefix: prefix, listen: false, pollIntervalMs: 60_000 });
    await stopped.stop();
    expect(await stopped.backlog()).toBe(0);
    // As if it had died after Redis took the jobs but before its transaction committed.
    await campaigns.query(`UPDATE campaigns.outbox SET published_at = NULL`);
    await startRelay({ redisPrefix: prefix, listen: false, pollIntervalMs: 60_000 });
    await startConsumer(prefix);
    const found = await waitFor(someEffects, 5000, 'the consumer');
    // Published twice (before and after the "restart"), handled once: same job id, and the inbox.
    expect(found.map((e) => e.event_id)).toEqual([event.id]);
  });

  it('deletes published rows past their retention, never unpublished ones', async () => {
    const clockAt = new FixedClock(new Date('2026-03-01T00:00:00Z'));
    const prefix = prefixOn(testRedisUrl());
    const relay = await startRelay({
      redisPrefix: prefix,
      clock: clockAt,
      listen: false,
      pollIntervalMs: 60_000,
    });
    const fixedWriter = new OutboxWriter('campaigns', clockAt);
    await campaigns.transaction((m) => fixedWriter.append(m, [{ name: 'sale.recorded', payload: sale(5) }]));
    await relay.flush();
    await campaigns.query(`INSERT INTO campaigns.outbox (id, name, version, payload, occurred_at)
      VALUES (gen_random_uuid(), 'sale.recorded', 1, '{}', now())`);
    expect(await relay.prune(new Date('2026-03-02T00:00:00Z'))).toBe(1);
    const left = await campaigns.query(`SELECT published_at FROM campaigns.outbox`);
    expect(left).toEqual([{ published_at: null }]);
  });
});
