import type Redis from 'ioredis';

export type EvictionPolicyCheck =
  { ok: true; policy: string } | { ok: false; policy: string | null; warning: string };

/**
 * BullMQ keeps jobs as ordinary keys: a Redis that evicts keys under memory pressure silently loses queued
 * events and locks. Callers log the warning at start-up; it is not fatal because managed Redis services
 * sometimes forbid CONFIG GET while being configured correctly.
 */
export async function checkRedisEvictionPolicy(redis: Redis): Promise<EvictionPolicyCheck> {
  let policy: string | null = null;
  try {
    const answer = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    policy = answer[1] ?? null;
  } catch (e) {
    return {
      ok: false,
      policy: null,
      warning: `Could not read Redis maxmemory-policy (${(e as Error).message}); BullMQ needs "noeviction", check it by hand`,
    };
  }
  if (policy === 'noeviction') return { ok: true, policy };
  return {
    ok: false,
    policy,
    warning: `Redis maxmemory-policy is "${policy}": BullMQ needs "noeviction", or queued events may be evicted and lost`,
  };
}
