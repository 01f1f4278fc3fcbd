/*
 * A rewards consumer in a process of its own, for the crash test. It handles sale.recorded by writing its
 * effect, tells the parent it is inside the transaction, and then hangs there until the parent kills it.
 * Configuration arrives in the environment; lines on stdout are the protocol: READY, INSIDE <event id>.
 */
import { SystemClock } from '@crm/clock';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { EventConsumer } from '../consumer/event.consumer';
import { EVENT_ENTITIES } from '../migrations/event-tables.sql';

async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const dataSource = new DataSource({
    type: 'postgres',
    url: env('DATABASE_URL'),
    schema: 'rewards',
    entities: EVENT_ENTITIES,
  });
  await dataSource.initialize();
  const consumer = new EventConsumer({
    service: 'rewards',
    dataSource,
    clock: new SystemClock(),
    redisUrl: env('REDIS_URL'),
    redisPrefix: env('REDIS_PREFIX'),
    lockDurationMs: Number(env('LOCK_DURATION_MS')),
    stalledIntervalMs: Number(env('LOCK_DURATION_MS')),
    logger: pino({ level: 'silent' }),
  });
  consumer.on('sale.recorded', async (_sale, ctx) => {
    await ctx.manager.query(`INSERT INTO rewards.effects (event_id, name) VALUES ($1, 'child')`, [
      ctx.eventId,
    ]);
    process.stdout.write(`INSIDE ${ctx.eventId}\n`);
    await new Promise(() => undefined); // hold the transaction open until SIGKILL
  });
  await consumer.start();
  process.stdout.write('READY\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
