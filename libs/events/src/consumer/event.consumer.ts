import { Clock } from '@crm/clock';
import { requestContext } from '@crm/logging';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import {
  definitionOf,
  eventsConsumedBy,
  isConsumerOf,
  isEventName,
  type EventName,
  type EventPayload,
  type EventsConsumedBy,
} from '../catalogue/catalogue';
import type { AnyEventEnvelope } from '../catalogue/envelope';
import { queueFor, type ServiceName } from '../catalogue/services';
import { closeWorker, createWorkerConnection, isConnectionError } from '../redis/connections';
import { EVENT_BACKOFF_TYPE, MAX_DELIVERY_ATTEMPTS } from '../relay/delivery';
import { backoffDelay, type BackoffPolicy } from '../support/backoff';
import { loggerOr } from '../support/logger';
import { qualified, schemaOf } from '../support/sql';
import { errorMessage } from '../support/timeout';
import { INBOX_TABLE } from './inbox.entity';

/** What a handler gets besides the payload. Write through `manager`: it is the inbox's transaction. */
export interface EventContext<N extends EventName = EventName> {
  manager: EntityManager;
  eventId: string;
  name: N;
  version: number;
  producer: ServiceName;
  occurredAt: Date;
  /** The producing request's id (the event id when it had none), also on every log line of the handler. */
  requestId: string;
}

export type EventHandler<N extends EventName> = (
  payload: EventPayload<N>,
  ctx: EventContext<N>,
) => Promise<void>;

export interface EventConsumerOptions<S extends ServiceName = ServiceName> {
  service: S;
  dataSource: DataSource;
  clock: Clock;
  redisUrl: string;
  redisPrefix: string;
  /** Jobs handled at once by this instance. 1 keeps the queue's order (retries aside). */
  concurrency?: number;
  /** Attempts before a job is failed for good (kept in the failed set); at most MAX_DELIVERY_ATTEMPTS. */
  attempts?: number;
  /** Backoff between attempts. */
  retry?: BackoffPolicy;
  /** BullMQ job lock; a worker that dies mid-job loses it after this long and the job is handled again. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Times a job may be found stalled (its worker died) before it is failed. */
  maxStalledCount?: number;
  /** Completed jobs kept this long: while kept, a re-added job id is a no-op without reaching the inbox. */
  keepCompletedSeconds?: number;
  /** Failed jobs kept for inspection and retry. */
  keepFailedCount?: number;
  /** Refreshes a moved clock (non-production) before each event. */
  clockSync?: { refresh(): Promise<void> };
  logger?: Logger;
}

export type HandleOutcome = 'handled' | 'duplicate' | 'ignored';

/**
 * Runs a service's handlers for the events on its queue (architecture.md "Events"). Each event is handled in
 * one transaction that first inserts its id into the inbox: a redelivered event (retry, stalled job, relay
 * re-add) finds the row and does nothing. If the process dies mid-handler the transaction rolls back with
 * the connection, BullMQ notices the lost lock, and another worker handles the event from scratch.
 *
 * Register handlers before `start()`, typically in a service's onModuleInit:
 * `consumer.on('sale.recorded', (sale, ctx) => this.points.credit(sale, ctx.manager))`.
 * `S` narrows, at compile time, which events may be registered: inject `EventConsumer<'rewards'>`.
 */
export class EventConsumer<S extends ServiceName = ServiceName> {
  private readonly handlers = new Map<EventName, EventHandler<EventName>>();
  private readonly log: Logger;
  private readonly inbox: string;
  private readonly attempts: number;
  private worker?: Worker<AnyEventEnvelope>;
  private connection?: Redis;

  constructor(private readonly options: EventConsumerOptions<S>) {
    this.log = loggerOr(options.logger, 'event-consumer');
    this.inbox = qualified(schemaOf(options.dataSource), INBOX_TABLE);
    this.attempts = Math.min(Math.max(1, options.attempts ?? 8), MAX_DELIVERY_ATTEMPTS);
  }

  get service(): S {
    return this.options.service;
  }

  get queueName(): string {
    return queueFor(this.options.service);
  }

  on<N extends EventsConsumedBy<S>>(name: N, handler: EventHandler<N>): this {
    // The catalogue decides routing: a handler for an event not routed here would never run.
    if (!isEventName(name) || !isConsumerOf(this.options.service, name)) {
      throw new Error(`${this.options.service} is not a consumer of ${name} in the event catalogue`);
    }
    if (this.handlers.has(name)) throw new Error(`A handler for ${name} is already registered`);
    this.handlers.set(name, handler as unknown as EventHandler<EventName>);
    return this;
  }

  async start(): Promise<void> {
    if (this.worker) return;
    for (const name of this.expectedWithoutHandler()) {
      this.log.warn({ event: name }, 'the catalogue routes this event here but no handler is registered');
    }
    const o = this.options;
    this.connection = createWorkerConnection(o.redisUrl, `${o.service}:event-consumer`);
    this.connection.on('error', (e) =>
      this.log.debug({ err: errorMessage(e) }, 'consumer Redis connection error'),
    );
    const retry = o.retry ?? { initialMs: 1000, maxMs: 300_000 };
    this.worker = new Worker<AnyEventEnvelope>(this.queueName, (job) => this.process(job), {
      connection: this.connection,
      prefix: o.redisPrefix,
      concurrency: o.concurrency ?? 1,
      lockDuration: o.lockDurationMs ?? 30_000,
      stalledInterval: o.stalledIntervalMs ?? 30_000,
      maxStalledCount: o.maxStalledCount ?? 2,
      removeOnComplete: { age: o.keepCompletedSeconds ?? 86_400 },
      removeOnFail: { count: o.keepFailedCount ?? 10_000 },
      settings: {
        backoffStrategy: (attemptsMade: number, type?: string) =>
          type === EVENT_BACKOFF_TYPE ? backoffDelay(attemptsMade, retry) : 0,
      },
    });
    this.worker.on('error', (e) =>
      this.log[isConnectionError(e) ? 'debug' : 'warn']({ err: errorMessage(e) }, 'event worker error'),
    );
    this.worker.on('failed', (job, e) => {
      if (!job) return;
      const final = job.finishedOn !== undefined && job.finishedOn !== null;
      this.log[final ? 'error' : 'warn'](
        { eventId: job.id, event: job.name, attempt: job.attemptsMade, err: errorMessage(e) },
        final ? 'event failed for good; kept in the failed set' : 'event handler failed; will retry',
      );
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    const connection = this.connection;
    this.worker = undefined;
    this.connection = undefined;
    // Waits for the jobs in hand, so a deploy does not cut a handler off mid-transaction.
    if (worker && connection) await closeWorker(worker, connection, this.options.lockDurationMs ?? 30_000);
  }

  /**
   * Handles one event: the whole inbox-and-handler transaction. Public so tools (and tests) can replay an
   * envelope without BullMQ; it is exactly what the worker runs.
   */
  async handle(envelope: AnyEventEnvelope): Promise<HandleOutcome> {
    const requestId = envelope.requestId ?? envelope.id;
    return requestContext.run({ requestId }, async () => {
      if (!isEventName(envelope.name)) {
        this.log.warn(
          { eventId: envelope.id, event: envelope.name },
          'unknown event acknowledged and dropped',
        );
        return 'ignored';
      }
      const handler = this.handlers.get(envelope.name);
      if (!handler) {
        this.log.warn({ eventId: envelope.id, event: envelope.name }, 'no handler for event; acknowledged');
        return 'ignored';
      }
      const known = definitionOf(envelope.name).version;
      if (envelope.version > known) {
        // A producer already deployed with a newer payload: retry until this consumer is upgraded too.
        throw new Error(
          `${envelope.name} v${envelope.version} is newer than this consumer knows (v${known})`,
        );
      }
      await this.options.clockSync?.refresh();
      const outcome = await this.options.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO ${this.inbox} (event_id, name, received_at) VALUES ($1, $2, $3)
           ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [envelope.id, envelope.name, this.options.clock.now()],
        );
        if (inserted.length === 0) return 'duplicate' as const;
        await handler(envelope.payload, {
          manager,
          eventId: envelope.id,
          name: envelope.name,
          version: envelope.version,
          producer: envelope.producer,
          occurredAt: new Date(envelope.occurredAt),
          requestId,
        });
        return 'handled' as const;
      });
      this.log[outcome === 'handled' ? 'debug' : 'info'](
        { eventId: envelope.id, event: envelope.name },
        `event ${outcome}`,
      );
      return outcome;
    });
  }

  private async process(job: Job<AnyEventEnvelope>): Promise<HandleOutcome> {
    const envelope = job.data;
    if (!isEnvelope(envelope)) {
      // Retrying cannot fix a malformed job: fail it now, and keep it for inspection.
      throw new UnrecoverableError(`job ${job.id} does not carry an event envelope`);
    }
    try {
      return await this.handle(envelope);
    } catch (e) {
      // BullMQ counts attempts against the producer's ceiling; this consumer may give up sooner.
      if (job.attemptsMade + 1 >= this.attempts) throw new UnrecoverableError(errorMessage(e));
      throw e;
    }
  }

  private expectedWithoutHandler(): EventName[] {
    return eventsConsumedBy(this.options.service).filter((n) => !this.handlers.has(n));
  }
}

function isEnvelope(value: unknown): value is AnyEventEnvelope {
  const v = value as Partial<AnyEventEnvelope> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.version === 'number' &&
    typeof v.occurredAt === 'string' &&
    typeof v.payload === 'object' &&
    v.payload !== null
  );
}
