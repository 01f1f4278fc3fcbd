import { FixedClock } from '@crm/clock';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  dropRedisPrefix,
  eventsTestDatabase,
  scratchRedisPrefix,
  testLogger,
  testRedisUrl,
  waitFor,
  type EventsTestDatabase,
} from '../testing/harness';
import { acquireAdvisoryLock } from './advisory-lock';
import { SweepBusyError, SweepRunner, UnknownSweepError, type SweepRunnerOptions } from './sweep.runner';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Demonstration (d), sweeps: on demand with what they did, on schedule, and never two runs of one sweep at once. */
describe('sweeps', () => {
  const clock = new FixedClock(new Date('2026-03-04T10:00:00Z'));
  let t: EventsTestDatabase;
  let instanceA: DataSource;
  let instanceB: DataSource;
  const runners: SweepRunner[] = [];
  const prefixes: string[] = [];

  beforeAll(async () => {
    t = await eventsTestDatabase([]);
    instanceA = await t.open('complaints');
    instanceB = await t.open('complaints');
  });

  afterEach(async () => {
    while (runners.length) await runners.pop()!.stop();
  });

  afterAll(async () => {
    for (const p of prefixes) await dropRedisPrefix(testRedisUrl(), p);
    await t.close();
  });

  function runner(dataSource: DataSource, options: Partial<SweepRunnerOptions> = {}): SweepRunner {
    const prefix = options.redisPrefix ?? scratchRedisPrefix();
    prefixes.push(prefix);
    const r = new SweepRunner({
      service: 'complaints',
      dataSource,
      clock,
      redisUrl: testRedisUrl(),
      redisPrefix: prefix,
      logger: testLogger(),
      ...options,
    });
    runners.push(r);
    return r;
  }

  it('runs on demand at the clock time, after refreshing a moved clock, and answers with what it did', async () => {
    const refreshed: string[] = [];
    const clockSync = { refresh: async () => void refreshed.push('refresh') };
    const r = runner(instanceA, { clockSync }).register({
      name: 'complaint-sla',
      pattern: '0 * * * *',
      handler: async (now) => ({ breached: 2, asOf: now.toISOString() }),
    });
    await expect(r.runNow('complaint-sla')).resolves.toEqual({
      sweep: 'complaint-sla',
      trigger: 'on-demand',
      status: 'completed',
      now: '2026-03-04T10:00:00.000Z',
      result: { breached: 2, asOf: '2026-03-04T10:00:00.000Z' },
    });
    expect(refreshed).toEqual(['refresh']);
    await expect(r.runNow('no-such-sweep')).rejects.toBeInstanceOf(UnknownSweepError);
  });

  it('never runs one sweep twice at once across instances: an on-demand run waits its turn', async () => {
    let running = 0;
    let most = 0;
    const handler = async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(300);
      running -= 1;
      return { done: true };
    };
    const a = runner(instanceA).register({ name: 'classification', pattern: '0 2 * * *', handler });
    const b = runner(instanceB).register({ name: 'classification', pattern: '0 2 * * *', handler });
    const started = performance.now();
    const outcomes = await Promise.all([
      a.runNow('classification'),
      b.runNow('classification'),
      a.runNow('classification'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['completed', 'completed', 'completed']);
    expect(most).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);

    // Held elsewhere for longer than the caller will wait: a clear error, not a hang.
    const held = await acquireAdvisoryLock(instanceB, 'crm:sweep:complaints:classification', 0);
    try {
      const impatient = runner(instanceA, { lockWaitMs: 200 }).register({
        name: 'classification',
        pattern: '0 2 * * *',
        handler,
      });
      await expect(impatient.runNow('classification')).rejects.toBeInstanceOf(SweepBusyError);
    } finally {
      await held!.release();
    }
  });

  it('runs on its schedule through a BullMQ job scheduler, and skips a tick while a run holds the lock', async () => {
    const prefix = scratchRedisPrefix();
    const calls: string[] = [];
    // A scheduler left by an earlier version of the service is removed at start.
    const queue = new Queue('sweeps.complaints', { connection: { url: testRedisUrl() }, prefix });
    await queue.upsertJobScheduler('retired-sweep', { pattern: '0 0 1 1 *' });

    const r = runner(instanceA, { redisPrefix: prefix }).register({
      name: 'every-second',
      pattern: '* * * * * *',
      handler: async (now) => {
        calls.push(now.toISOString());
        return { ok: true };
      },
    });
    await r.start();
    // start() waits for the schedulers only so long (Redis may be down); on a loaded machine, poll.
    await waitFor(
      async () => (await queue.getJobSchedulers()).map((s) => s.key).join() === 'every-second',
      5000,
      'the schedulers to be replaced',
    );
    await waitFor(() => calls.length > 0, 5000, 'a scheduled run');
    expect(calls[0]).toBe('2026-03-04T10:00:00.000Z');

    // Waits out a tick that may be running right now, then holds the sweep as another instance would.
    const held = await acquireAdvisoryLock(instanceB, 'crm:sweep:complaints:every-second', 5000);
    expect(held).not.toBeNull();
    try {
      const skipped = await waitFor(
        async () => (await queue.getCompleted()).find((j) => j.returnvalue?.status === 'skipped'),
        5000,
        'a skipped tick',
      );
      expect(skipped.returnvalue).toEqual({
        sweep: 'every-second',
        trigger: 'schedule',
        status: 'skipped',
        reason: 'already running',
      });
    } finally {
      await held!.release();
      await queue.close();
    }
  });
});
