import { Clock } from '@crm/clock';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { ServiceName } from '../catalogue/services';
import { OUTBOX_TABLE } from '../outbox/outbox.entity';
import { outboxChannel, outboxSignal } from '../outbox/outbox-signal';
import { closeConnection, createProducerConnection } from '../redis/connections';
import { backoffDelay, type BackoffPolicy } from '../support/backoff';
import { loggerOr } from '../support/logger';
import { qualified, schemaOf } from '../support/sql';
import { errorMessage, within } from '../support/timeout';
import { OutboxListener } from './outbox.listener';
import { jobsByQueue, type OutboxRow } from './outbox-jobs';
import { pgClientConfig } from './pg-config';

export interface OutboxRelayOptions {
  service: ServiceName;
  dataSource: DataSource;
  clock: Clock;
  redisUrl: string;
  /** BullMQ key prefix, shared by every service of one suite. */
  redisPrefix: string;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** The fallback when a notification is missed; LISTEN and the in-process signal are the fast path. */
  pollIntervalMs?: number;
  /** Backoff after Redis (or the database) failed a pass. */
  retry?: BackoffPolicy;
  /** How long one batch may wait on Redis while holding its rows locked. */
  redisTimeoutMs?: number;
  /** LISTEN for NOTIFY; off only where a connection per instance is too dear. */
  listen?: boolean;
  /** Published rows older than this are deleted (hourly); 0 keeps them forever. */
  retainPublishedMs?: number;
  logger?: Logger;
}

export interface RelayPass {
  /** Rows published by this pass. */
  published: number;
  /** Another instance held the relay lock: it publishes, this one need not. */
  busy: boolean;
  error?: string;
}


const PRUNE_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 5000;

/**
 * Moves a service's outbox rows to BullMQ (architecture.md "Events"): one job per consuming service's queue,
 * with the event id as job id so adding the same event again is a no-op in BullMQ.
 *
 * - Wakes at once on commit (NOTIFY over a dedicated LISTEN session, plus an in-process signal) and polls
 *   slowly as a fallback.
 * - Claims rows with FOR UPDATE SKIP LOCKED in sequence order and marks them published in the same
 *   transaction after Redis accepted the jobs. A transaction-scoped advisory lock lets one instance publish
 *   at a time, so several instances keep the order and do not bump each other's attempt counts; SKIP LOCKED
 *   keeps them safe even without it.
 * - On failure rows stay unpublished with `attempts` and `last_error`, and the relay retries with backoff.
 *   The rows are the truth: a Redis restart or a relay restart loses nothing, at worst re-adds a job that
 *   BullMQ (same job id) or the consumer's inbox ignores.
 *
 * Order: events leave in sequence order within a pass and passes run one at a time, but a transaction that
 * commits late can publish after a later sequence, and consumer retries reorder anyway. Consumers must not
 * depend on order across events; payloads carry what they need (e.g. `from`/`to`, timestamps).
 */
export class OutboxRelay {
  private readonly schema: string;
  private readonly table: string;
  private readonly batchSize: number;
  private readonly retryPolicy: BackoffPolicy;
  private readonly log: Logger;
  private redis?: Redis;
  private readonly queues = new Map<string, Queue>();
  private listener?: OutboxListener;
  private stopSignal?: () => void;
  private pollTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private loop?: Promise<void>;
  private again = false;
  private running = false;
  private failures = 0;
  private lastPruneAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.schema = schemaOf(options.dataSource);
    this.table = qualified(this.schema, OUTBOX_TABLE);
    this.batchSize = options.batchSize ?? 100;
    this.retryPolicy = options.retry ?? { initialMs: 500, maxMs: 30_000 };
    this.log = loggerOr(options.logger, 'outbox-relay');
  }

  get started(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.redis = createProducerConnection(this.options.redisUrl, `${this.options.service}:outbox-relay`);
    this.redis.on('error', (e) => this.log.debug({ err: errorMessage(e) }, 'relay Redis connection error'));
    // Give Redis a moment so the first pass (rows left from before a restart) does not fail needlessly.
    await within(2000, waitReady(this.redis), 'Redis').catch(() => undefined);

    this.stopSignal = outboxSignal.onCommitted(this.options.dataSource, () => this.wake());
    if (this.options.listen !== false) {
      const config = pgClientConfig(this.options.dataSource.options, 'outbox-listener');
      this.listener = new OutboxListener(config, outboxChannel(this.schema), () => this.wake(), this.log);
      this.listener.start();
    }
    this.pollTimer = setInterval(() => this.tick(), this.options.pollIntervalMs ?? 5000);
    this.wake();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.stopSignal?.();
    await this.listener?.stop();
    await this.loop;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
    if (this.redis) await closeConnection(this.redis);
  }

  /** Asks for a pass soon. Cheap and idempotent: wakes during a pass cause one more pass, not one each. */
  wake(): void {
    if (!this.running || this.retryTimer) return;
    this.again = true;
    if (this.loop) return;
    this.loop = this.drain().finally(() => {
      this.loop = undefined;
      // A wake that arrived between the loop's last check and here.
      if (this.again) this.wake();
    });
  }

  /** Publishes what is pending now and resolves when idle (or backing off after a failure). For tests and tools. */
  async flush(): Promise<void> {
    this.wake();
    while (this.loop) await this.loop;
  }

  /** Unpublished rows, for health checks and tests. */
  async backlog(): Promise<number> {
    const [row] = await this.options.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE published_at IS NULL`,
    );
    return row.n;
  }

  private async drain(): Promise<void> {
    while (this.again && this.running) {
      this.again = false;
      let pass: RelayPass;
      try {
        pass = await this.publishBatch();
      } catch (e) {
        // The database itself failed (the claim or the bookkeeping): same treatment as Redis failures.
        pass = { published: 0, busy: false, error: errorMessage(e) };
      }
      if (pass.error !== undefined) {
        this.failures += 1;
        const delay = backoffDelay(this.failures, this.retryPolicy);
        this.log.warn(
          { err: pass.error, failures: this.failures, retryInMs: delay },
          'outbox relay pass failed',
        );
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.wake();
        }, delay);
        this.again = false;
        return;
      }
      if (this.failures > 0) this.log.info({ afterFailures: this.failures }, 'outbox relay recovered');
      this.failures = 0;
      if (pass.published >= this.batchSize) this.again = true;
    }
  }

  private publishBatch(): Promise<RelayPass> {
    return this.options.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `crm:outbox-relay:${this.schema}`,
      ]);
      if (!locked) return { published: 0, busy: true };
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, name, version, payload, request_id, occurred_at FROM ${this.table}
         WHERE published_at IS NULL ORDER BY sequence LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return { published: 0, busy: false };
      const ids = rows.map((r) => r.id);
      try {
        await within(this.options.redisTimeoutMs ?? 5000, this.enqueue(rows), 'Adding jobs to BullMQ');
      } catch (e) {
        const error = errorMessage(e);
        await this.record(manager, ids, error);
        return { published: 0, busy: false, error };
      }
      await manager.query(
        `UPDATE ${this.table} SET published_at = $2, attempts = attempts + 1, last_error = NULL
         WHERE id = ANY($1::uuid[])`,
        [ids, this.options.clock.now()],
      );
      return { published: rows.length, busy: false };
    });
  }

  private async record(manager: EntityManager, ids: string[], error: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
      [ids, error.slice(0, 2000)],
    );
  }

  /** Adds each row's job to every consuming queue, in sequence order within each queue. */
  private async enqueue(rows: OutboxRow[]): Promise<void> {
    const status = this.redis?.status;
    if (status !== 'ready') throw new Error(`Redis connection is ${status ?? 'not open'}`);
    const byQueue = jobsByQueue(rows, this.options.service, this.log);
    await Promise.all([...byQueue].map(([name, jobs]) => this.queue(name).addBulk(jobs)));
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis!, prefix: this.options.redisPrefix });
      queue.on('error', (e) => this.log.debug({ err: errorMessage(e), queue: name }, 'queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private tick(): void {
    this.wake();
    const retain = this.options.retainPublishedMs ?? 7 * 86_400_000;
    const now = this.options.clock.now().getTime();
    if (retain > 0 && now - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now;
      void this.prune(new Date(now - retain)).catch((e) =>
        this.log.warn({ err: errorMessage(e) }, 'pruning published outbox rows failed'),
      );
    }
  }

  /** Deletes published rows older than `before`; they are in Redis (or consumed) already. */
  async prune(before: Date): Promise<number> {
    const result = await this.options.dataSource.query(
      `DELETE FROM ${this.table} WHERE id IN (
         SELECT id FROM ${this.table} WHERE published_at < $1 LIMIT ${PRUNE_BATCH})`,
      [before],
    );
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}

function waitReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}
