import type { DataSource, QueryRunner } from 'typeorm';
import { sleep } from '../support/timeout';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * A PostgreSQL session-level advisory lock on a connection of its own, held while work that runs its own
 * transactions proceeds. If the process dies the connection closes and PostgreSQL releases the lock, so a
 * crash never leaves a sweep locked.
 *
 * With `waitMs` 0 it tries once; otherwise it polls (pg_try_advisory_lock) until the deadline, which keeps
 * the wait bounded without a server-side lock_timeout.
 */
export async function acquireAdvisoryLock(
  dataSource: DataSource,
  key: string,
  waitMs: number,
  pollMs = 100,
): Promise<HeldLock | null> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  let waited = 0;
  try {
    for (;;) {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [key]);
      if (locked) break;
      if (waited >= waitMs) {
        await runner.release();
        return null;
      }
      await sleep(pollMs);
      waited += pollMs;
    }
  } catch (e) {
    await runner.release();
    throw e;
  }
  return {
    async release() {
      try {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]);
      } catch (e) {
        // The lock may still be held: discard the connection (closing it releases the lock) rather than
        // return it to the pool with the lock on it.
        const pgRunner = runner as QueryRunner & {
          releasePostgresConnection?: (err: unknown) => Promise<void>;
        };
        if (pgRunner.releasePostgresConnection) {
          await pgRunner.releasePostgresConnection(e);
          return;
        }
      }
      await runner.release();
    },
  };
}
