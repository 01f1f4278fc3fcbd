import { env, loadConfig } from '@crm/config';

/** The gateway's environment: where each service listens, and the limits it puts on GraphQL. */
export const gatewayConfigSchema = {
  PORT: env.port('HTTP port of the gateway (the suite\'s one public origin)', 4000),
  REDIS_URL: env.url('Redis connection string (the shared clock)', ['redis', 'rediss'], { devDefault: 'redis://127.0.0.1:6379' }),
  REDIS_PREFIX: env.string('prefix for every Redis key the suite writes', { default: 'crm' }),
  LOG_LEVEL: env.enumOf('minimum log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, { default: 'info' }),
  CUSTOMERS_URL: env.url('base URL of the customers service', ['http', 'https'], { devDefault: 'http://127.0.0.1:4001' }),
  GRAPHQL_MAX_DEPTH: env.int('deepest GraphQL selection accepted', { default: 10, min: 1 }),
  GRAPHQL_MAX_ALIASES: env.int('most aliases in one GraphQL operation', { default: 30, min: 0 }),
  GRAPHQL_MAX_COST: env.int('highest estimated cost of one GraphQL operation', { default: 5000, min: 1 }),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadConfig(gatewayConfigSchema, source);
}
