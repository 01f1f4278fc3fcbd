/**
 * The rewards baseline, one process as the service is one: a BullMQ Worker that turns the same
 * `meeting.attended` and `sale.recorded` jobs into the same ledger rows, and a plain Fastify server that
 * redeems points, both on a pg pool and scratch copies of the rewards tables (rewards-scratch.ts). No Nest,
 * no TypeORM, no inbox, no auth, no validation, none of the rules beyond the arithmetic (R-1 once per referred
 * customer, R-2 per meeting's net spend, held refunds, owed points, the customer known): the floor.
 *
 * A credit is one transaction: the entry `INSERT … ON CONFLICT DO NOTHING` on the ledger's unique cause (what
 * makes a redelivery harmless here, in place of an inbox) and, when it was new, the balance upsert. A
 * redemption is one transaction: a conditional `UPDATE … WHERE balance >= points RETURNING`, the entry when it
 * took, and the idempotency row with the answer either way.
 *
 * Env: DATABASE_URL, REDIS_URL, REDIS_PREFIX (the suite's), PORT, POOL_SIZE (the service's DATABASE_POOL_SIZE
 * default, 10), CONCURRENCY (jobs at once: the service's consumer takes 1). A second Worker, on its own queue,
 * takes POOL_SIZE jobs at once, for the context figure that shows what one at a time costs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Job, Worker } from 'bullmq';
import Fastify from 'fastify';
import Redis from 'ioredis';
import { Pool, PoolClient } from 'pg';
import type { AnyEventEnvelope } from '@crm/events';
import { serveUntilStopped } from './baseline-process';
import { BASELINE_APPLICATION_NAME, PLAIN_LEDGER_PARALLEL_QUEUE, PLAIN_LEDGER_QUEUE, REWARDS_SCRATCH as T } from './rewards-scratch';

const UNIQUE_VIOLATION = '23505';
/** R-1 and R-2's numbers (referral-points.ts), repeated: the baseline imports no service code. */
const ATTENDANCE_POINTS = 100;
const SALES_STEP_FEN = 100_000;
const POINTS_PER_STEP = 100;

// Named, so the bench can find this pool's PostgreSQL backends and count the CPU they spend.
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10), application_name: BASELINE_APPLICATION_NAME });

async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The credit an event earns the referrer, if any: the service's answer for a referred customer's first meeting and one sale. */
function creditOf(e: AnyEventEnvelope): { customerId: string; points: number; reason: string } | null {
  if (e.name === 'meeting.attended') {
    const p = e.payload;
    return p.firstAttendance && p.referrerId && p.referrerId !== p.customerId ? { customerId: p.referrerId, points: ATTENDANCE_POINTS, reason: 'REFERRAL_ATTENDANCE' } : null;
  }
  if (e.name === 'sale.recorded') {
    const p = e.payload;
    const points = Math.floor(p.amountFen / SALES_STEP_FEN) * POINTS_PER_STEP;
    return p.referrerId && p.referrerId !== p.customerId && points > 0 ? { customerId: p.referrerId, points, reason: 'REFERRAL_SALES' } : null;
  }
  return null;
}

async function credit(job: Job<AnyEventEnvelope>): Promise<void> {
  const c = creditOf(job.data);
  if (!c) return;
  const now = new Date();
  await inTransaction(async (client) => {
    const entry = await client.query(
      `INSERT INTO ${T.entries} (id, customer_id, points, reason, source_event_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source_event_id, customer_id, reason) DO NOTHING RETURNING id`,
      [randomUUID(), c.customerId, c.points, c.reason, job.data.id, now],
    );
    if (!entry.rowCount) return;
    await client.query(
      `INSERT INTO ${T.accounts} (customer_id, balance, lifetime_points, owed_points, updated_at) VALUES ($1, $2, $2, 0, $3)
       ON CONFLICT (customer_id) DO UPDATE SET balance = ${T.accounts}.balance + $2, lifetime_points = ${T.accounts}.lifetime_points + $2, updated_at = $3`,
      [c.customerId, c.points, now],
    );
  });
}

interface RedeemBody {
  points: number;
  gift: string;
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.post<{ Params: { customerId: string }; Body: RedeemBody }>('/api/v1/points/:customerId/redemptions', async (request, reply) => {
  const { customerId } = request.params;
  const { points, gift } = request.body;
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) return reply.code(400).send({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
  const fingerprint = createHash('sha256').update(JSON.stringify([customerId, points, gift])).digest('hex');
  const now = new Date();
  try {
    const answer = await inTransaction(async (client) => {
      const taken = await client.query<{ balance: number }>(
        `UPDATE ${T.accounts} SET balance = balance - $2, updated_at = $3 WHERE customer_id = $1 AND balance >= $2 RETURNING balance`,
        [customerId, points, now],
      );
      const id = randomUUID();
      let status = 409;
      let body: Record<string, unknown> = { status, code: 'POINTS_INSUFFICIENT', title: 'The balance does not cover the points asked for' };
      if (taken.rowCount) {
        const entryId = randomUUID();
        await client.query(`INSERT INTO ${T.entries} (id, customer_id, points, reason, source_event_id, created_at) VALUES ($1, $2, $3, 'REDEMPTION', $4, $5)`, [entryId, customerId, -points, id, now]);
        status = 201;
        body = { id, customerId, points, gift, balance: taken.rows[0].balance, entryId, createdAt: now.toISOString() };
      }
      await client.query(
        `INSERT INTO ${T.requests} (idempotency_key, fingerprint, customer_id, redemption_id, points, gift, status, body, requested_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'employee:bench', $9)`,
        [key, fingerprint, customerId, status === 201 ? id : null, points, gift, status, body, now],
      );
      return { status, body };
    });
    return reply.code(answer.status).send(answer.body);
  } catch (e) {
    if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
    // The key was answered before: replay that answer (the bench sends every key once, so this is the rare path).
    const { rows } = await pool.query<{ status: number; body: unknown }>(`SELECT status, body FROM ${T.requests} WHERE idempotency_key = $1`, [key]);
    return reply.code(rows[0].status).send(rows[0].body);
  }
});

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
// Completed jobs kept a day, as the service's consumer keeps them (EventConsumer keepCompletedSeconds).
const workerOf = (queue: string, concurrency: number) =>
  new Worker<AnyEventEnvelope>(queue, credit, { connection: redis, prefix: process.env.REDIS_PREFIX, concurrency, removeOnComplete: { age: 86_400 } });
const workers = [workerOf(PLAIN_LEDGER_QUEUE, Number(process.env.CONCURRENCY ?? 1)), workerOf(PLAIN_LEDGER_PARALLEL_QUEUE, pool.options.max ?? 10)];

// Workers first: a job in hand finishes its transaction before the pool closes.
serveUntilStopped(app, async () => {
  for (const w of workers) await w.close();
  redis.disconnect();
  await pool.end();
});
