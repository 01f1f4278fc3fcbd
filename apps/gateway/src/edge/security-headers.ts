import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The gateway's Content-Security-Policy: it serves only JSON, problem+json and GraphQL answers (no GraphQL IDE:
 * `graphiql` is off and Apollo's landing page is disabled), so nothing may be loaded, framed or submitted from
 * an answer. Swagger UI at /api/docs gets its own CSP by route (api-docs/swagger-ui.ts), as the services give
 * theirs (libs/platform/http/src/security-headers.ts).
 */
const API_CSP = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export interface GatewayHeaderOptions {
  /** 0: no Strict-Transport-Security (the gateway is reached over plain HTTP, or TLS is not ours to promise). */
  hstsMaxAgeSeconds: number;
  hstsIncludeSubDomains: boolean;
}

/** Security headers on every answer of the gateway, its own and the services' it passes on. */
export async function registerGatewaySecurityHeaders(fastify: FastifyInstance, options: GatewayHeaderOptions): Promise<void> {
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    strictTransportSecurity:
      options.hstsMaxAgeSeconds > 0 ? { maxAge: options.hstsMaxAgeSeconds, includeSubDomains: options.hstsIncludeSubDomains } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
