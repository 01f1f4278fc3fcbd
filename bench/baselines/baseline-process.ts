import type { FastifyInstance } from 'fastify';

/**
 * Serves a baseline on PORT (loopback only) until the bench stops it: on SIGTERM or SIGINT the server stops
 * taking requests, then `release` closes what it holds (workers, Redis, the pg pool) in order. A failed start
 * ends the process with the reason, which startBenchProcess shows.
 */
export function serveUntilStopped(app: FastifyInstance, release: () => Promise<void>): void {
  const stop = () =>
    void app
      .close()
      .then(release)
      .finally(() => process.exit(0));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);
  app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
