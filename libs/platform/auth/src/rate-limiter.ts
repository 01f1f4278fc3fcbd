import type Redis from 'ioredis';
import { realNowMs } from '@crm/clock';

/**
 * Fixed one-minute windows per partner key in Redis, shared by every replica. When Redis is unreachable the
 * limiter lets calls through: rate limiting protects capacity, it is not an authorisation rule.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly perMinute: number,
  ) {}

  async allow(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    // Real time on purpose: a moved business clock must not open or close a partner's quota.
    const nowMs = realNowMs();
    const window = Math.floor(nowMs / 60_000);
    const redisKey = `${this.prefix}:ratelimit:${key}:${window}`;
    try {
      const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, 61_000).exec()) as [[Error | null, number]];
      return { allowed: count <= this.perMinute, retryAfterSeconds: 60 - Math.floor((nowMs % 60_000) / 1000) };
    } catch {
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }
}
