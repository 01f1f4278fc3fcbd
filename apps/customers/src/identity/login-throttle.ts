import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS } from '@crm/database';
import { IdentityErrors } from './identity.errors';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Brute force against sign-in (OWASP's "login throttling"), counted in Redis so every replica sees every
 * attempt, and only failures count:
 * - one login from one address: `loginFailuresAllowed` failures in a row, then it waits `loginBlockSeconds`;
 * - one login from anywhere: 30 failures an hour, then 15 minutes (a guess spread over many addresses);
 * - one address for any login: 200 failures a day, then an hour (one machine trying many logins).
 * An unknown login counts like a wrong password. When Redis is away, each replica counts in memory instead.
 */
@Injectable()
export class LoginThrottle {
  private readonly byLoginAndAddress: RateLimiterRedis;
  private readonly byLogin: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(IDENTITY_OPTIONS) options: IdentityOptions) {
    const limiter = (name: string, points: number, duration: number, blockDuration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${options.redisPrefix}:login-failures:${name}`,
        points,
        duration,
        blockDuration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration, blockDuration }),
      });
    this.byLoginAndAddress = limiter('login-address', options.loginFailuresAllowed, DAY, options.loginBlockSeconds);
    this.byLogin = limiter('login', 30, HOUR, 15 * 60);
    this.byAddress = limiter('address', 200, DAY, HOUR);
  }

  /** 429 TOO_MANY_ATTEMPTS, with the seconds to wait, while any of the three counts is blocked (one failure past its limit). */
  async assertMayTry(login: string, address: string): Promise<void> {
    const states = await Promise.all([this.byLoginAndAddress.get(`${login}|${address}`), this.byLogin.get(login), this.byAddress.get(address)]);
    const limits = [this.byLoginAndAddress.points, this.byLogin.points, this.byAddress.points];
    const waitMs = Math.max(0, ...states.map((s, i) => (s && s.consumedPoints > limits[i] ? s.msBeforeNext : 0)));
    if (waitMs > 0) throw tooMany(waitMs);
  }

  async failed(login: string, address: string): Promise<void> {
    const results = await Promise.allSettled([this.byLoginAndAddress.consume(`${login}|${address}`), this.byLogin.consume(login), this.byAddress.consume(address)]);
    // The attempt that uses up a count is answered like the ones after it.
    const refused = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason.msBeforeNext] : []));
    if (refused.length) throw tooMany(Math.max(...refused));
  }

  /** A successful sign-in clears its login-and-address count (not the others: those catch slow, spread guessing). */
  async succeeded(login: string, address: string): Promise<void> {
    await this.byLoginAndAddress.delete(`${login}|${address}`).catch(() => undefined);
  }
}

function tooMany(waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return IdentityErrors.TOO_MANY_ATTEMPTS(`Too many failed sign-ins; try again in ${seconds} s`, { retryAfterSeconds: seconds });
}
