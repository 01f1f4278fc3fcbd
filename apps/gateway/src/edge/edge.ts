import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { GatewayConfig } from '../config';
import { EmployeeTokens } from './employee-tokens';
import { registerRateLimits } from './rate-limit.hook';
import { EdgeRateLimits } from './rate-limits';
import { registerGatewaySecurityHeaders } from './security-headers';

/** How long the gateway's start waits for Redis before it serves without rate limits until Redis comes. */
const REDIS_WAIT_MS = 2_000;

/** Where the gateway finds the public keys of access tokens: customers issues them. */
export function jwksUrlOf(config: Pick<GatewayConfig, 'CUSTOMERS_URL'>): string {
  return `${config.CUSTOMERS_URL.replace(/\/+$/, '')}/.well-known/jwks.json`;
}

/**
 * The public edge, on the gateway's Fastify instance before any route: security headers on every answer, then
 * the rate limits (so a 429 carries the headers and the request id too). Closed with the app.
 */
export async function installEdge(fastify: FastifyInstance, config: GatewayConfig, tokens = EmployeeTokens.fromJwks(jwksUrlOf(config), config.AUTH_ISSUER)): Promise<void> {
  const logger = new Logger('Edge');
  await registerGatewaySecurityHeaders(fastify, {
    hstsMaxAgeSeconds: config.HSTS_MAX_AGE_SECONDS,
    hstsIncludeSubDomains: config.HSTS_INCLUDE_SUBDOMAINS,
  });
  if (config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE === 0 && config.RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE === 0) return;
  const limits = new EdgeRateLimits({
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    perAddress: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    perEmployee: config.RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE,
    onStoreError: (error) => logger.warn(`rate limits not applied, Redis did not answer: ${(error as Error)?.message ?? String(error)}`),
  });
  registerRateLimits(fastify, limits, tokens);
  fastify.addHook('onClose', async () => limits.close());
  if (!(await limits.ready(REDIS_WAIT_MS))) logger.warn(`Redis not reachable at start; rate limits apply once it is`);
}
