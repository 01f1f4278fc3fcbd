export interface BackoffPolicy {
  /** Delay after the first failure. */
  initialMs: number;
  /** Ceiling, so a long outage is retried at a steady, modest rate. */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so instances that failed
 * together (a Redis restart) do not all retry in the same millisecond.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exp = policy.initialMs * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(policy.maxMs, exp);
  return Math.round(capped / 2 + (capped / 2) * random());
}
