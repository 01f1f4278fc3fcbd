import { env, loadConfig } from '@crm/config';
import { trustProxyOf } from './edge/trust-proxy';
import { SERVICES, ServiceName } from './routing/route-table';

/**
 * The gateway's environment: where each service listens, and the limits it puts on GraphQL.
 *
 * A service is reached through `<SERVICE>_URL` (`service-visits` → `SERVICE_VISITS_URL`). Declaring that
 * variable here is what "configures" a service: its REST routes and its subgraph answer 503 until then.
 */
export const gatewayConfigSchema = {
  PORT: env.port('HTTP port of the gateway (the suite\'s one public origin)', 4000),
  REDIS_URL: env.url('Redis connection string (the shared clock)', ['redis', 'rediss'], { devDefault: 'redis://127.0.0.1:6379' }),
  REDIS_PREFIX: env.string('prefix for every Redis key the suite writes', { default: 'crm' }),
  LOG_LEVEL: env.enumOf('minimum log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, { default: 'info' }),
  CUSTOMERS_URL: env.url('base URL of the customers service', ['http', 'https'], { devDefault: 'http://127.0.0.1:4001' }),
  // A service joins the suite when its URL is set; until then its routes and subgraph answer 503.
  CAMPAIGNS_URL: env.url('base URL of the campaigns service', ['http', 'https'], { optional: true }),
  REWARDS_URL: env.url('base URL of the rewards service', ['http', 'https'], { optional: true }),
  COMPLAINTS_URL: env.url('base URL of the complaints service', ['http', 'https'], { optional: true }),
  SERVICE_VISITS_URL: env.url('base URL of the service-visits service', ['http', 'https'], { optional: true }),
  SUPERGRAPH_PATH: env.string('the composed supergraph SDL the gateway serves (tools/compose-supergraph.ts writes it)', {
    default: 'apps/gateway/supergraph.graphql',
  }),
  GRAPHQL_MAX_DEPTH: env.int('deepest GraphQL selection accepted', { default: 10, min: 1 }),
  GRAPHQL_MAX_ALIASES: env.int('most aliases in one GraphQL operation', { default: 30, min: 0 }),
  GRAPHQL_MAX_COST: env.int('highest estimated cost of one GraphQL operation', { default: 5000, min: 1 }),
  GRAPHQL_DEFAULT_LIST_SIZE: env.int('list size the cost estimate assumes for a list field without `first`/`limit`', { default: 10, min: 1 }),
  GRAPHQL_INTROSPECTION: env.bool('allow schema introspection (never in production, whatever this says)', { default: true }),
  GATEWAY_UPSTREAM_TIMEOUT_MS: env.int('how long the gateway waits for a service\'s response headers, and between body chunks', {
    default: 30_000,
    min: 100,
  }),
  GATEWAY_UPSTREAM_CONNECTIONS: env.int('most keep-alive connections the gateway opens to one service', { default: 128, min: 1 }),
  GATEWAY_HEALTH_TIMEOUT_MS: env.int('how long /health waits for each service\'s /health', { default: 1_000, min: 50 }),
  // The edge (docs/api/ops.md "Rate limits", "Security headers"): apps/gateway/src/edge.
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: env.int('requests one caller address may make per minute through the gateway (0: no limit)', {
    default: 1_200,
    min: 0,
  }),
  RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: env.int('requests one employee (by a verified access token) may make per minute through the gateway (0: no limit)', {
    default: 600,
    min: 0,
  }),
  // Checked by trustProxyOf (edge/trust-proxy.ts) when the config loads.
  TRUST_PROXY: {
    ...env.string(
      'the proxies in front of the gateway whose X-Forwarded-For is believed: a hop count ("1") or their addresses/CIDRs ("10.0.0.0/8,192.168.1.7"); unset: the socket address is the caller',
    ),
    optional: true,
  },
  AUTH_ISSUER: env.string('the name (`iss`) of the suite\'s token issuer, as the services know it (tokens are verified with customers\' JWKS)', {
    default: 'crm-suite',
  }),
  HSTS_MAX_AGE_SECONDS: env.int('Strict-Transport-Security max-age on every answer; set only when callers reach the gateway over HTTPS (0: no HSTS)', {
    default: 0,
    min: 0,
  }),
  HSTS_INCLUDE_SUBDOMAINS: env.bool('add includeSubDomains to Strict-Transport-Security', { default: false }),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(gatewayConfigSchema, source);
  trustProxyOf(config.TRUST_PROXY);
  return config;
}

/** Nest token of the validated config. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function urlVariableOf(service: ServiceName): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** Base URL of every configured service; a service missing here is not deployed behind this gateway yet. */
export function serviceUrlsOf(config: GatewayConfig): Partial<Record<ServiceName, string>> {
  const values = config as unknown as Record<string, unknown>;
  const urls: Partial<Record<ServiceName, string>> = {};
  for (const service of SERVICES) {
    const url = values[urlVariableOf(service)];
    if (typeof url === 'string' && url !== '') urls[service] = url;
  }
  return urls;
}

/** Production never exposes introspection or stack traces, whatever the other variables say. */
export function isProduction(config: Pick<GatewayConfig, 'NODE_ENV'>): boolean {
  return config.NODE_ENV === 'production';
}
