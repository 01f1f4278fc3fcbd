import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  redisUrl: string;
  redisPrefix: string;
  /** Requests per minute per caller address; 0: not limited. */
  perAddress: number;
  /** Requests per minute per employee (verified token); 0: not limited. */
  perEmployee: number;
  /** Called (at most every 30 s) when Redis cannot be asked and calls are let through. */
  onStoreError?: (error: unknown) => void;
}

/** A refusal: which limit was reached, and in how many seconds the caller may try again. */
export interface RateLimitRefusal {
  limit: 'address' | 'employee';
  retryAfterSeconds: number;
}

const MINUTE_SECONDS = 60;
/** A Redis that answers later than this is treated as down for this call: the limit must never slow the API. */
const COMMAND_TIMEOUT_MS = 250;
const STORE_ERROR_LOG_EVERY_MS = 30_000;

/**
 * The gateway's rate limits (docs/api/ops.md "Rate limits"): fixed one-minute windows in Redis
 * (rate-limiter-flexible's RateLimiterRedis, one atomic script per check), shared by every gateway replica,
 * under `<REDIS_PREFIX>:edge-limit:address:<ip>` and `<REDIS_PREFIX>:edge-limit:employee:<id>`.
 *
 * When Redis cannot answer (down, not yet connected, slow), calls go through: rate limits protect capacity,
 * they are not authorisation. The connection never queues commands while it is down, so a dead Redis costs
 * nothing per request.
 */
export class EdgeRateLimits {
  private readonly redis: Redis;
  private readonly byAddress?: RateLimiterRedis;
  private readonly byEmployee?: RateLimiterRedis;
  private lastStoreErrorAt = -Infinity;

  constructor(private readonly options: RateLimitOptions) {
    this.redis = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      // Keep trying to come back, at most every 2 s.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Reported through onStoreError when a call meets it; the connection's own events would repeat it every retry.
    this.redis.on('error', () => undefined);
    const limiter = (kind: string, points: number) =>
      points > 0
        ? new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `${options.redisPrefix}:edge-limit:${kind}`,
            points,
            duration: MINUTE_SECONDS,
            rejectIfRedisNotReady: true,
          })
        : undefined;
    this.byAddress = limiter('address', options.perAddress);
    this.byEmployee = limiter('employee', options.perEmployee);
  }

  /**
   * Waits (at most `timeoutMs`) for the connection, so counting starts with the first request. A Redis that is
   * not there by then does not hold the gateway back: calls go through until it comes.
   */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  /** Whether an employee limit applies at all (if not, the gateway need not verify tokens). */
  get countsEmployees(): boolean {
    return this.byEmployee !== undefined;
  }

  /**
   * Counts one request of `address` (and of `employeeId`, when the caller's token was verified) and answers a
   * refusal when a limit is exceeded. Both counts go to Redis at once: one round trip.
   */
  async consume(address: string, employeeId?: string): Promise<RateLimitRefusal | undefined> {
    const [address_, employee] = await Promise.all([
      this.count(this.byAddress, address),
      employeeId === undefined ? undefined : this.count(this.byEmployee, employeeId),
    ]);
    if (address_ !== undefined) return { limit: 'address', retryAfterSeconds: address_ };
    if (employee !== undefined) return { limit: 'employee', retryAfterSeconds: employee };
    return undefined;
  }

  /** Seconds until the key may call again when it is over its limit; undefined when it may call now. */
  private async count(limiter: RateLimiterRedis | undefined, key: string): Promise<number | undefined> {
    if (!limiter) return undefined;
    try {
      await limiter.consume(key);
      return undefined;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      this.storeFailed(outcome);
      return undefined;
    }
  }

  private storeFailed(error: unknown): void {
    const now = performance.now();
    if (now - this.lastStoreErrorAt < STORE_ERROR_LOG_EVERY_MS) return;
    this.lastStoreErrorAt = now;
    this.options.onStoreError?.(error);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
