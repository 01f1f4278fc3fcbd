import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { SystemClock } from '@crm/clock';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '../outbox/outbox.writer';
import { OutboxRelay } from '../relay/outbox.relay';
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
import { EventConsumer } from './event.consumer';

/**
 * Demonstration (c): a consumer process killed while its handler is inside the inbox transaction. The
 * transaction dies with the connection, BullMQ finds the job's lock expired (stalled) and hands the job to
 * another consumer, and the event has exactly one effect.
 */
describe('a consumer killed mid-event', () => {
  const LOCK_MS = 1000;
  const clock = new SystemClock();
  const prefix = scratchRedisPrefix();
  let t: EventsTestDatabase;
  let campaigns: DataSource;
  let rewards: DataSource;
  let relay: OutboxRelay;
  let child: ChildProcess | undefined;
  let survivor: EventConsumer<'rewards'> | undefined;

  beforeAll(async () => {
    t = await eventsTestDatabase(['campaigns', 'rewards']);
    campaigns = await t.open('campaigns');
    rewards = await t.open('rewards');
    relay = new OutboxRelay({
      service: 'campaigns',
      dataSource: campaigns,
      clock,
      redisUrl: testRedisUrl(),
      redisPrefix: prefix,
      logger: testLogger(),
    });
    await relay.start();
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await survivor?.stop();
    await relay.stop();
    await dropRedisPrefix(testRedisUrl(), prefix);
    await t.close();
  });

  /** Starts the child consumer and resolves with a reader of its stdout lines. */
  async function startChild(): Promise<(line: RegExp) => Promise<string>> {
    const lines: string[] = [];
    child = spawn(
      process.execPath,
      [
        '-r',
        resolve(__dirname, '../testing/register-ts.cjs'),
        resolve(__dirname, '../testing/consumer.child.ts'),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.db.url,
          REDIS_URL: testRedisUrl(),
          REDIS_PREFIX: prefix,
          LOCK_DURATION_MS: String(LOCK_MS),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
    });
    const expectLine = (pattern: RegExp) =>
      waitFor(() => lines.find((l) => pattern.test(l)), 15_000, `child to print ${pattern}`);
    await expectLine(/^READY$/);
    return expectLine;
  }

  it('(c) ends with exactly one effect after another consumer picks the job up', async () => {
    const expectLine = await startChild();
    const [event] = await campaigns.transaction((m) =>
      new OutboxWriter('campaigns', clock).append(m, { name: 'sale.recorded', payload: sale(7) }),
    );
    await expectLine(new RegExp(`^INSIDE ${event.id}$`));
    // The child's effect and inbox row exist only inside its open transaction.
    const effects = async () =>
      rewards.query(`SELECT name FROM rewards.effects`) as Promise<{ name: string }[]>;
    expect(await effects()).toEqual([]);

    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGKILL');
    await exited;
    child = undefined;

    survivor = recordSalesIn(
      new EventConsumer({
        service: 'rewards',
        dataSource: rewards,
        clock,
        redisUrl: testRedisUrl(),
        redisPrefix: prefix,
        lockDurationMs: LOCK_MS,
        stalledIntervalMs: LOCK_MS / 2,
        logger: testLogger(),
      }),
    );
    await survivor.start();

    const queue = new Queue('events.rewards', { connection: { url: testRedisUrl() }, prefix });
    try {
      await waitFor(
        async () => (await queue.getJobState(event.id)) === 'completed',
        15_000,
        'the job to complete',
      );
      const job = (await queue.getJob(event.id))!;
      expect(job.returnvalue).toBe('handled');
      // It was recovered as stalled, not failed and retried.
      expect(job.stalledCounter).toBe(1);
    } finally {
      await queue.close();
    }
    expect(await effects()).toEqual([{ name: 'sale.recorded' }]);
    const inbox = await rewards.query(`SELECT event_id FROM rewards.inbox`);
    expect(inbox).toEqual([{ event_id: event.id }]);
  });
});
