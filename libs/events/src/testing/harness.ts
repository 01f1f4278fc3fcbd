/*
 * Test support for this library's int-specs (not exported): a scratch database with service schemas holding
 * the event tables and a table of effects, a throwaway redis-server, and polling helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
// Test-only import: the boundary keeps the library's runtime code off the testing helpers; tests share them
// rather than copy them. (Lint would allow it if eslint.config.mjs relaxed the rule for *.int-spec files.)
import { scratchDatabase, scratchRedisPrefix, testRedisUrl, type ScratchDatabase } from '@crm/testing';
import Redis from 'ioredis';
import pino, { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EVENT_ENTITIES, eventTablesSql } from '../migrations/event-tables.sql';
import { ident } from '../support/sql';

export { scratchRedisPrefix, testRedisUrl };

/** Silent unless EVENTS_TEST_LOG names a level, e.g. EVENTS_TEST_LOG=debug when a test misbehaves. */
export function testLogger(): Logger {
  return pino({ level: process.env.EVENTS_TEST_LOG ?? 'silent' });
}

export interface EventsTestDatabase {
  db: ScratchDatabase;
  /** A DataSource on `schema` (created by `eventsTestDatabase`); closed by `close()`. */
  open(schema: string, poolSize?: number): Promise<DataSource>;
  close(): Promise<void>;
}

/**
 * A scratch database where each schema has the outbox and inbox (through the migration helper, as services
 * will) and an `effects` table (no unique constraint: a duplicate effect shows up as a second row).
 */
export async function eventsTestDatabase(schemas: string[]): Promise<EventsTestDatabase> {
  const db = await scratchDatabase();
  const opened: DataSource[] = [];
  const open = async (schema: string, poolSize = 5) => {
    const ds = new DataSource({
      type: 'postgres',
      url: db.url,
      schema,
      entities: EVENT_ENTITIES,
      extra: { max: poolSize },
    });
    await ds.initialize();
    opened.push(ds);
    return ds;
  };
  const setup = await open('public', 1);
  for (const schema of schemas) {
    for (const sql of eventTablesSql(schema).up) await setup.query(sql);
    await setup.query(`CREATE TABLE ${ident(schema)}.effects (
      seq bigserial PRIMARY KEY, event_id uuid, name text, detail jsonb, request_id text)`);
  }
  return {
    db,
    open,
    async close() {
      await Promise.all(opened.map((ds) => (ds.isInitialized ? ds.destroy() : undefined)));
      await db.drop();
    },
  };
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of the test's own, on a fixed port so clients reconnect to it after a restart. */
export class RedisServer {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  static async onFreePort(): Promise<RedisServer> {
    return new RedisServer(await freePort());
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitFor(() => this.ping(), 10_000, `redis-server on ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  private async ping(): Promise<boolean> {
    // disconnectTimeout: a refused attempt must not leave ioredis' 2 s close timer behind.
    const r = new Redis(this.url, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      disconnectTimeout: 10,
    });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  }
}

/** Deletes every key under a test's prefix, so the shared Redis does not collect test queues. */
export async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
    await r.quit();
  } finally {
    r.disconnect();
  }
}
