import { randomUUID } from 'node:crypto';
import { Clock } from '@crm/clock';
import { requestContext } from '@crm/logging';
import { Queue, Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { sweepQueueFor, type ServiceName } from '../catalogue/services';
import {
  closeConnection,
  closeWorker,
  createProducerConnection,
  createWorkerConnection,
  isConnectionError,
} from '../redis/connections';
import { loggerOr } from '../support/logger';
import { backoffDelay } from '../support/backoff';
import { errorMessage, within } from '../support/timeout';
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
  | {
      sweep: string;
      trigger: SweepTrigger;
      status: 'completed';
      now: string;
      result: Record<string, unknown>;
    }
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
  /** How long `start()` waits for the schedulers to be registered before leaving it to a retry. */
  scheduleWaitMs?: number;
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
  private stopped = true;
  private retryTimer?: NodeJS.Timeout;
  private wakeRetry?: () => void;

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

  /**
   * Starts the worker and upserts the job schedulers (removing ones no longer registered). With Redis down
   * the service still boots: after `scheduleWaitMs` the schedulers are left to a background retry, and
   * on-demand runs work meanwhile (they need only PostgreSQL).
   */
  async start(): Promise<void> {
    if (this.worker) return;
    const o = this.options;
    this.stopped = false;
    this.producer = createProducerConnection(o.redisUrl, `${o.service}:sweeps`);
    this.producer.on('error', (e) =>
      this.log.debug({ err: errorMessage(e) }, 'sweep Redis connection error'),
    );
    this.queue = new Queue<SweepJobData>(this.queueName, {
      connection: this.producer,
      prefix: o.redisPrefix,
    });
    this.queue.on('error', (e) => this.log.debug({ err: errorMessage(e) }, 'sweep queue error'));
    this.consumer = createWorkerConnection(o.redisUrl, `${o.service}:sweeps-worker`);
    this.consumer.on('error', (e) =>
      this.log.debug({ err: errorMessage(e) }, 'sweep worker Redis connection error'),
    );
    this.worker = new Worker<SweepJobData, SweepOutcome>(this.queueName, (job) => this.scheduled(job), {
      connection: this.consumer,
      prefix: o.redisPrefix,
      concurrency: Math.max(1, this.sweeps.size),
    });
    this.worker.on('error', (e) =>
      this.log[isConnectionError(e) ? 'debug' : 'warn']({ err: errorMessage(e) }, 'sweep worker error'),
    );

    const scheduling = this.scheduleUntilDone();
    await within(o.scheduleWaitMs ?? 2000, scheduling, 'Registering sweep schedules').catch((e) =>
      this.log.warn(
        { err: errorMessage(e) },
        'sweep schedules not registered yet; retrying in the background',
      ),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    const worker = this.worker;
    this.worker = undefined;
    // A sweep in progress may take a while; it is idempotent, so after a minute it is cut off and rerun later.
    if (worker && this.consumer) await closeWorker(worker, this.consumer, 60_000);
    await this.queue?.close().catch(() => undefined);
    this.queue = undefined;
    if (this.producer) await closeConnection(this.producer);
    this.producer = this.consumer = undefined;
  }

  private async scheduleUntilDone(): Promise<void> {
    for (let failures = 1; !this.stopped; failures++) {
      try {
        await within(5000, this.upsertSchedulers(), 'Redis');
        return;
      } catch (e) {
        if (this.stopped) return;
        const delay = backoffDelay(failures, { initialMs: 1000, maxMs: 30_000 });
        this.log.warn({ err: errorMessage(e), retryInMs: delay }, 'registering sweep schedules failed');
        await new Promise<void>((resolve) => {
          this.wakeRetry = resolve;
          this.retryTimer = setTimeout(resolve, delay);
        });
      }
    }
  }

  private async upsertSchedulers(): Promise<void> {
    const queue = this.queue!;
    for (const existing of await queue.getJobSchedulers()) {
      if (existing.key && !this.sweeps.has(existing.key)) await queue.removeJobScheduler(existing.key);
    }
    for (const sweep of this.sweeps.values()) {
      await queue.upsertJobScheduler(
        sweep.name,
        { pattern: sweep.pattern, tz: sweep.tz ?? this.options.tz ?? 'Asia/Shanghai' },
        {
          name: sweep.name,
          data: { sweep: sweep.name },
          // A failed tick is not retried: the next tick runs the same idempotent sweep.
          opts: { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } },
        },
      );
    }
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
    return requestContext.run(
      { requestId: requestContext.requestId() ?? `sweep-${name}-${randomUUID()}` },
      async () => {
        const lock = await acquireAdvisoryLock(
          this.options.dataSource,
          `crm:sweep:${this.options.service}:${name}`,
          waitMs,
        );
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
      },
    );
  }
}
