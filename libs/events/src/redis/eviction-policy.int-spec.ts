import Redis from 'ioredis';
import { RedisServer } from '../testing/harness';
import { checkRedisEvictionPolicy } from './eviction-policy';

describe('Redis eviction policy check', () => {
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await RedisServer.onFreePort();
    await server.start();
    redis = new Redis(server.url);
  });

  afterAll(async () => {
    await redis.quit();
    await server.stop();
  });

  it('passes noeviction and warns about any policy that may evict queued jobs', async () => {
    await expect(checkRedisEvictionPolicy(redis)).resolves.toEqual({ ok: true, policy: 'noeviction' });
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const check = await checkRedisEvictionPolicy(redis);
    expect(check).toMatchObject({ ok: false, policy: 'allkeys-lru' });
    expect(!check.ok && check.warning).toContain('needs "noeviction"');
  });
});
