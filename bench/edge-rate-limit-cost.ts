/**
 * What the gateway's rate limits cost per request (issue 13): p50 and p99 of one Fastify request (inject, no
 * socket) with no limiter, with the per-address limit, with a verified employee token (both limits, the token
 * remembered after its first check), a fresh token each time (a signature check per request), and with Redis
 * unreachable. The limits are set far above what the run sends, so every request is counted and let through.
 *
 *   npm run build:js && node dist/bench/edge-rate-limit-cost.js   (REDIS_URL, default redis://127.0.0.1:6379)
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import Redis from 'ioredis';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { EmployeeTokens } from '../apps/gateway/src/edge/employee-tokens';
import { registerRateLimits } from '../apps/gateway/src/edge/rate-limit.hook';
import { EdgeRateLimits } from '../apps/gateway/src/edge/rate-limits';

const REQUESTS = Number(process.env.EDGE_BENCH_REQUESTS ?? 5_000);
const WARMUP = 500;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `crm-bench-edge-${randomBytes(4).toString('hex')}`;

async function main(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' }] });
  const sign = (sub: string) =>
    new SignJWT({ role: 'EMPLOYEE', departmentId: null, sid: 's', ver: 1 })
      .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
      .setSubject(sub)
      .setIssuer('crm-suite')
      .setAudience('crm-suite')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey as CryptoKey);

  const app = async (limits?: EdgeRateLimits): Promise<FastifyInstance> => {
    const fastify = Fastify();
    if (limits) registerRateLimits(fastify, limits, new EmployeeTokens({ keys, issuer: 'crm-suite' }));
    fastify.get('/api/v1/customers/:id', async () => ({ id: 'c-1' }));
    await fastify.ready();
    return fastify;
  };
  const limiter = async (url: string) => {
    const limits = new EdgeRateLimits({ redisUrl: url, redisPrefix: prefix, perAddress: 1e9, perEmployee: 1e9 });
    await limits.ready(2_000);
    return limits;
  };

  const measure = async (fastify: FastifyInstance, headersOf: (i: number) => Promise<Record<string, string>> | Record<string, string>) => {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const headers = await headersOf(i);
      const started = performance.now();
      const reply = await fastify.inject({ method: 'GET', url: '/api/v1/customers/c-1', headers });
      const elapsed = performance.now() - started;
      if (reply.statusCode !== 200) throw new Error(`answered ${reply.statusCode}: ${reply.body}`);
      if (i >= WARMUP) times.push(elapsed * 1000);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length * 0.5)], p99: times[Math.floor(times.length * 0.99)] };
  };

  const token = await sign('e-bench');
  const fresh = await Promise.all(Array.from({ length: WARMUP + REQUESTS }, (_x, i) => sign(`e-${i}`)));
  const up = await limiter(redisUrl);
  const down = await limiter('redis://127.0.0.1:1');

  const rows: [string, { p50: number; p99: number }][] = [];
  rows.push(['no limiter', await measure(await app(), () => ({}))]);
  rows.push(['address limit (anonymous)', await measure(await app(up), () => ({}))]);
  rows.push(['address + employee (token remembered)', await measure(await app(up), () => ({ authorization: `Bearer ${token}` }))]);
  rows.push(['address + employee (new token each time)', await measure(await app(up), (i) => ({ authorization: `Bearer ${fresh[i]}` }))]);
  rows.push(['Redis unreachable (let through)', await measure(await app(down), () => ({ authorization: `Bearer ${token}` }))]);

  const base = rows[0][1].p50;
  process.stdout.write(`${REQUESTS} requests each (after ${WARMUP} warm-up), Fastify inject, Redis ${redisUrl}\n`);
  for (const [name, { p50, p99 }] of rows) {
    process.stdout.write(`${name.padEnd(42)} p50 ${p50.toFixed(0).padStart(5)} µs  p99 ${p99.toFixed(0).padStart(5)} µs  overhead p50 ${(p50 - base).toFixed(0).padStart(5)} µs\n`);
  }

  await up.close();
  await down.close();
  const redis = new Redis(redisUrl);
  const stale = await redis.keys(`${prefix}:*`);
  if (stale.length) await redis.unlink(...stale);
  redis.disconnect();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
