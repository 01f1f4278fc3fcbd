import type { FastifyRequest } from 'fastify';

/**
 * The address a sign-in came from, for its throttle. The service is reached only through the gateway, which
 * appends the address it saw to X-Forwarded-For (ops set which proxies before it are trusted there), so the
 * last entry is the gateway's word; a direct call inside the cluster has none and counts by its own peer.
 */
export function callerAddress(request: FastifyRequest): string {
  const forwarded = request.headers['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  const last = value?.split(',').pop()?.trim();
  return last || request.socket.remoteAddress || 'unknown';
}
