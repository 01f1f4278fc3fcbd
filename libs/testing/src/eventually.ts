/**
 * Retries `probe` until it returns a value `done` accepts, then returns that value; after `timeoutMs` returns
 * the last value anyway, so the test's own assertion reports what was seen. For effects that travel as events
 * between services (milliseconds here, but never synchronous).
 */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || performance.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
