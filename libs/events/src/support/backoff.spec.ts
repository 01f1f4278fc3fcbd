import { backoffDelay } from './backoff';

describe('backoff', () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('doubles from the initial delay up to the ceiling, jitter within the upper half', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
  });
});
