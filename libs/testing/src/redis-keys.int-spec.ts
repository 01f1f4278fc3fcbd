import Redis from 'ioredis';
import { dropRedisPrefix, dropTestRunKeys, scratchRedisPrefix, testRedisUrl, testRunId } from './redis-keys';

/** Tests leave nothing in Redis: a developer's Redis runs with noeviction and would fill up over repeated runs. */
describe('test Redis keys', () => {
  const redis = new Redis(testRedisUrl());
  afterAll(() => redis.quit());

  it('gives each file a prefix of its own, marked with the run', () => {
    const [a, b] = [scratchRedisPrefix(), scratchRedisPrefix()];
    expect(a).not.toBe(b);
    expect(a.startsWith(`crmtest-${testRunId()}-`)).toBe(true);
  });

  it('drops every key of a prefix and nothing of another prefix', async () => {
    const mine = scratchRedisPrefix();
    const other = scratchRedisPrefix();
    await redis.mset(`${mine}:clock:offset-ms`, '5', `${mine}:queue:x:id`, '1', `${other}:queue:y:id`, '2');
    expect(await dropRedisPrefix(mine)).toBe(2);
    expect(await redis.keys(`${mine}:*`)).toEqual([]);
    expect(await redis.get(`${other}:queue:y:id`)).toBe('2');
    await dropRedisPrefix(other);
  });

  it('drops what a run left behind, but not another run\'s keys', async () => {
    const left = scratchRedisPrefix();
    const anotherRun = `crmtest-otherrun${testRunId()}-0000:queue:z:id`;
    await redis.mset(`${left}:queue:z:id`, '1', anotherRun, '1');
    await dropTestRunKeys();
    expect(await redis.exists(`${left}:queue:z:id`)).toBe(0);
    expect(await redis.exists(anotherRun)).toBe(1);
    await redis.del(anotherRun);
  });
});
