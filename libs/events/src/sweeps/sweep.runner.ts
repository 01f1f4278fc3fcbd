import { randomUUID } from 'node:crypto';
import { Clock } from '@crm/clock';
import { requestContext } from '@crm/logging';
import { Queue, Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { sweepQueueFor, type ServiceName } from '../catalogue/services';
import { closeConnection, createProducerConnection, createWorkerConnection } from '../redis/connections';
import { loggerOr } from '../support/logger';
import { errorMessage } from '../support/timeout';
import { acquireAdvisoryLock } from './advisory-lock';

/**
 * A time-driven rule (architecture.md "Events"): an idempotent query-and-act given the current time, that
 * reports what it did. Handlers run their own transactions.
 */
export type SweepHandler = (now: Date) => Promise<Record<string, unknown>>;

export interface SweepDefinition {
  /** Also the path segment of `POST /api/v1/admin/sweeps/{name}`. */
  name: string;
  /** Cron pattern (5 fields, or 6 with seconds first), read in `tz`. */
  pattern: string;
  /** Defaults to the runner's time zone (BUSINESS_TZ). */
  tz?: string;
  handler: SweepHandler;
}

export type SweepTrigger = 'schedule' | 'on-demand';

export type SweepOutcome =
  | { sweep: string; trigger: SweepTrigger; status: 'completed'; now: string; result: Record<string, unknown> }
  | { sweep: string; trigger: SweepTrigger; status: 'skipped'; reason: 'already running' };

export interface SweepRunnerOptions {
  service: ServiceName;
  dataSource: DataSource;
  clock: Clock;
  redisUrl: string;
  redisPrefix: string;
  /** Time zone for cron patterns that name none; the company's (BUSINESS_TZ). */
  tz?: string;
  /** How long an on-demand run waits for a run of the same sweep elsewhere to finish. */
  lockWaitMs?: number;
  /** Refreshes a moved clock (non-production) before each run, so `now` is the suite's time. */
  clockSync?: { refresh(): Promise<void> };
  logger?: Logger;
}

export class UnknownSweepError extends Error {
  constructor(readonly sweep: string) {
    super(`No sweep named ${sweep}`);
    this.name = 'UnknownSweepError';
  }
}

export class SweepBusyError extends Error {
  constructor(readonly sweep: string) {
    super(`Sweep ${sweep} is still running elsewhere`);
    this.name = 'SweepBusyError';
  }
}

interface SweepJobData {
  sweep: string;
}

/**
 * Runs a service's sweeps: on their cron schedule through BullMQ job schedulers on `sweeps.<service>` (one
 * job per tick for all instances), and on demand in-process.
 *
 * One run of a sweep at a time, suite-wide: each run holds a PostgreSQL advisory lock named for the service
 * and sweep. When it is taken,
 * - a scheduled run is skipped ('already running'): the other run is doing the same idempotent work, and
 *   the next tick comes soon;
 * - an on-demand run waits (up to `lockWaitMs`, then SweepBusyError) and then runs, because its caller asked
 *   for a run at the current (possibly just moved) time and answers with what that run did.
 */
export class SweepRunner {
  private readonly sweeps = new Map<string, SweepDefinition>();
  private readonly log: Logger;
  private queue?: Queue<SweepJobData>;
  private worker?: Worker<SweepJobData, SweepOutcome>;
  private producer?: Redis;
  private consumer?: Redis;

  constructor(private readonly options: SweepRunnerOptions) {
    this.log = loggerOr(options.logger, 'sweeps');
  }

  get queueName(): string {
    return sweepQueueFor(this.options.service);
  }

  /** Registers a sweep; call before `start()` (e.g. in onModuleInit). */
  register(definition: SweepDefinition): this {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(definition.name)) throw new Error(`Bad sweep name ${definition.name}`);
    if (this.sweeps.has(definition.name)) throw new Error(`Sweep ${definition.name} is already registered`);
    this.sweeps.set(definition.name, definition);
    return this;
  }

  names(): string[] {
    return [...this.sweeps.keys()];
  }

  has(name: string): boolean {
    return this.sweeps.has(name);
  }

  /** Upserts the job schedulers (removing ones no longer registered) and starts the worker. */
  async start(): Promise<void> {
    if (this.worker) return;
    const o = this.options;
    this.producer = createProducerConnection(o.redisUrl, `${o.service}:sweeps`);
    this.producer.on('error', (e) => this.log.debug({ err: errorMessage(e) }, 'sweep Redis connection error'));
    this.queue = new Queue<SweepJobData>(this.queueName, { connection: this.producer, prefix: o.redisPrefix });
    this.queue.on('error', (e) => this.log.debug({ err: errorMessage(e) }, 'sweep queue error'));
    for (const existing of await this.queue.getJobSchedulers()) {
      if (existing.key && !this.sweeps.has(existing.key)) await this.queue.removeJobScheduler(existing.key);
    }
    for (const sweep of this.sweeps.values()) {
      await this.queue.upsertJobScheduler(
        sweep.name,
        { pattern: sweep.pattern, tz: sweep.tz ?? o.tz ?? 'Asia/Shanghai' },
        {
          name: sweep.name,
          data: { sweep: sweep.name },
          // A failed tick is not retried: the next tick runs the same idempotent sweep.
          opts: { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } },
        },
      );
    }
    this.consumer = createWorkerConnection(o.redisUrl, `${o.service}:sweeps-worker`);
    this.consumer.on('error', (e) => this.log.debug({ err: errorMessage(e) }, 'sweep worker Redis connection error'));
    this.worker = new Worker<SweepJobData, SweepOutcome>(this.queueName, (job) => this.scheduled(job), {
      connection: this.consumer,
      prefix: o.redisPrefix,
      concurrency: Math.max(1, this.sweeps.size),
    });
    this.worker.on('error', (e) => this.log.warn({ err: errorMessage(e) }, 'sweep worker error'));
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.close();
    await this.queue?.close().catch(() => undefined);
    this.queue = undefined;
    for (const c of [this.producer, this.consumer]) if (c) await closeConnection(c);
    this.producer = this.consumer = undefined;
  }

  /** Runs a sweep now, in this process, and answers with what it did (`POST /api/v1/admin/sweeps/{name}`). */
  runNow(name: string): Promise<SweepOutcome> {
    return this.run(name, 'on-demand', this.options.lockWaitMs ?? 120_000);
  }

  private scheduled(job: Job<SweepJobData>): Promise<SweepOutcome> {
    return this.run(job.data.sweep, 'schedule', 0);
  }

  private async run(name: string, trigger: SweepTrigger, waitMs: number): Promise<SweepOutcome> {
    const sweep = this.sweeps.get(name);
    if (!sweep) throw new UnknownSweepError(name);
    return requestContext.run({ requestId: requestContext.requestId() ?? `sweep-${name}-${randomUUID()}` }, async () => {
      const lock = await acquireAdvisoryLock(this.options.dataSource, `crm:sweep:${this.options.service}:${name}`, waitMs);
      if (!lock) {
        if (trigger === 'on-demand') throw new SweepBusyError(name);
        this.log.info({ sweep: name, trigger }, 'sweep already running elsewhere; skipped');
        return { sweep: name, trigger, status: 'skipped', reason: 'already running' };
      }
      try {
        // After taking the lock: a run that waited must see the clock as it is now.
        await this.options.clockSync?.refresh();
        const now = this.options.clock.now();
        this.log.info({ sweep: name, trigger, now: now.toISOString() }, 'sweep started');
        const result = await sweep.handler(now);
        this.log.info({ sweep: name, trigger, result }, 'sweep finished');
        return { sweep: name, trigger, status: 'completed', now: now.toISOString(), result };
      } catch (e) {
        this.log.error({ sweep: name, trigger, err: errorMessage(e) }, 'sweep failed');
        throw e;
      } finally {
        await lock.release();
      }
    });
  }
}
