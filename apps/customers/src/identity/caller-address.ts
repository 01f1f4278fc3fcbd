import type { FastifyRequest } from 'fastify';

/**
 * The address a sign-in came from, for its throttle. The service is reached only through the gateway, which
 * sets X-Real-IP to the caller's address as it trusts it (its peer, or what the proxies ops listed in
 * TRUST_PROXY say) and drops any the caller sent; a direct call inside the cluster counts by its own peer.
 */
export function callerAddress(request: FastifyRequest): string {
  const real = request.headers['x-real-ip'];
  const value = Array.isArray(real) ? real[0] : real;
  return value?.trim() || request.socket.remoteAddress || 'unknown';
}
