import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, RouteOptions } from 'fastify';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of every API answer (JSON, problem+json, GraphQL): nothing may be loaded, framed or
 * submitted from it, so a response that a browser is tricked into rendering runs nothing.
 */
export const API_CSP: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI (`/api/docs`): its page, scripts and styles come from the service itself (the scripts are files,
 * never inline), it styles itself inline, draws icons as `data:` images and fetches the OpenAPI document from
 * the same origin. Nothing else is allowed, and it may not be framed.
 */
export const DOCS_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const DOCS_PREFIX = '/api/docs';

/** `/api/docs`, `/api/docs/…` and `/api/docs-yaml`/`-json` (what SwaggerModule serves), not `/api/docsx`. */
export function isDocsPath(path: string): boolean {
  return path.startsWith(DOCS_PREFIX) && (path.length === DOCS_PREFIX.length || path[DOCS_PREFIX.length] === '/' || path[DOCS_PREFIX.length] === '-');
}

export interface SecurityHeaderOptions {
  /** Strict-Transport-Security max-age; 0 (the default) sends no HSTS: only an HTTPS edge should. */
  hstsMaxAgeSeconds?: number;
  hstsIncludeSubDomains?: boolean;
  /** Routes (by URL) whose pages a browser renders, with the CSP they need instead of API_CSP. */
  pages?: { matches: (url: string) => boolean; csp: Directives }[];
}

/** Helmet's options for an API: the strict CSP, no framing, no referrer, no MIME sniffing, HSTS only when asked. */
export function helmetOptions(options: SecurityHeaderOptions = {}): FastifyHelmetOptions {
  const maxAge = options.hstsMaxAgeSeconds ?? 0;
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    strictTransportSecurity: maxAge > 0 ? { maxAge, includeSubDomains: options.hstsIncludeSubDomains ?? false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  };
}

/**
 * Security headers on every answer (helmet), routes that serve browser pages getting their own CSP through
 * helmet's route-level config. Call before any route is added (the page routes are recognised as they are
 * added); it does not wait for the plugin, which Fastify loads before it listens.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: SecurityHeaderOptions = {}): void {
  const pages = options.pages ?? [];
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const page = pages.find((p) => p.matches(route.url));
    if (page) route.config = { ...(route.config as object), helmet: { contentSecurityPolicy: { useDefaults: false, directives: page.csp } } } as RouteOptions['config'];
  });
  void fastify.register(fastifyHelmet, helmetOptions(options));
}
