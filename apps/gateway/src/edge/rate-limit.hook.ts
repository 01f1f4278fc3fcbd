import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, PROBLEM_CONTENT_TYPE, toProblem } from '@crm/errors';
import { pathOf } from '../routing/route-table';
import { EmployeeTokens } from './employee-tokens';
import { EdgeRateLimits, RateLimitRefusal } from './rate-limits';

/** Probes (k8s, load balancers) are never limited: a limited probe would take a healthy gateway out of service. */
const NOT_LIMITED = new Set(['/health', '/health/live']);
const GRAPHQL_PATH = '/graphql';

function detailOf(refusal: RateLimitRefusal): string {
  const whose = refusal.limit === 'employee' ? 'this employee' : 'this address';
  return `Too many requests from ${whose}; try again in ${refusal.retryAfterSeconds} s`;
}

/**
 * 429 with Retry-After. REST answers problem+json `RATE_LIMITED`; GraphQL over HTTP answers a GraphQL error with
 * the same code in `extensions.code` (and the 429 status, as the GraphQL-over-HTTP spec allows).
 */
export function refuse(request: FastifyRequest, reply: FastifyReply, refusal: RateLimitRefusal): FastifyReply {
  const path = pathOf(request.raw.url ?? request.url);
  reply.code(429).header('retry-after', String(refusal.retryAfterSeconds));
  if (path === GRAPHQL_PATH) {
    const error = { message: detailOf(refusal), extensions: { code: 'RATE_LIMITED', status: 429, retryAfterSeconds: refusal.retryAfterSeconds } };
    return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ errors: [error] }));
  }
  const problem = toProblem(CommonErrors.RATE_LIMITED(detailOf(refusal), { retryAfterSeconds: refusal.retryAfterSeconds }), path, String(request.id));
  return reply.header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * Counts every request but probes, before any routing: per caller address (`request.ip`: the socket, or
 * X-Forwarded-For as far as TRUST_PROXY trusts it) and, for a bearer token that verifies, per employee. A
 * partner's X-Api-Key is counted by address here and per key by the service (API_KEY_RATE_LIMIT_PER_MINUTE).
 */
export function registerRateLimits(fastify: FastifyInstance, limits: EdgeRateLimits, tokens: EmployeeTokens): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (NOT_LIMITED.has(pathOf(request.raw.url ?? request.url))) return;
    const employeeId = limits.countsEmployees ? await tokens.employeeOf(request.headers.authorization) : undefined;
    const refusal = await limits.consume(request.ip, employeeId);
    if (refusal) return refuse(request, reply, refusal);
  });
}
