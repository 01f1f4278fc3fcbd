import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';

export interface CheckResult {
  status: 'up' | 'down';
  error?: string;
}

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkPostgres(dataSource: DataSource, timeoutMs = 2000): Promise<CheckResult> {
  try {
    await within(timeoutMs, dataSource.query('SELECT 1'));
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  }
}

export async function checkRedis(redis: Redis, timeoutMs = 2000): Promise<CheckResult> {
  try {
    if (redis.status === 'wait') await redis.connect();
    await within(timeoutMs, redis.ping());
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  }
}
