import { env } from './config-schema';

/**
 * Variables every service reads. A service's own schema spreads these and adds its own, so one name means one
 * thing across the suite.
 */
export const platformConfigSchema = {
  DATABASE_URL: env.url('PostgreSQL connection string', ['postgres', 'postgresql'], {
    devDefault: 'postgres://postgres@127.0.0.1:5432/crm',
  }),
  REDIS_URL: env.url('Redis connection string (queues, the shared clock, rate limits)', ['redis', 'rediss'], {
    devDefault: 'redis://127.0.0.1:6379',
  }),
  REDIS_PREFIX: env.string('prefix for every Redis key the suite writes', { default: 'crm' }),
  AUTH_ISSUER: env.string('the name (`iss`) of the suite\'s own token issuer, the same in every service', { default: 'crm-suite' }),
  OIDC_ISSUER: env.url('the company\'s OpenID Connect provider, whose access tokens are accepted too (docs/identity.md)', ['http', 'https'], {
    optional: true,
  }),
  OIDC_AUDIENCE: env.string('the audience (`aud`) the OpenID provider puts in tokens for this API', { default: 'crm-suite' }),
  OIDC_EMPLOYEE_CLAIM: env.string('the claim of a provider token that holds the employee\'s login', { default: 'preferred_username' }),
  BUSINESS_TZ: env.string('the company time zone for business days and cutoffs', { default: 'Asia/Shanghai' }),
  LOG_LEVEL: env.enumOf('minimum log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, {
    default: 'info',
  }),
  API_KEY_RATE_LIMIT_PER_MINUTE: env.int('requests a partner API key may make per minute', { default: 600, min: 1 }),
  ADMIN_SWEEPS_ENABLED: env.bool('serve POST /api/v1/admin/sweeps/{name} (ADMIN only) in production too; it is always served outside production', {
    default: false,
  }),
};

/**
 * Spread by every service but customers: customers issues the access tokens and reads its own keys; the others
 * fetch its public keys (JWKS) and cache them.
 */
export const tokenVerifierConfigSchema = {
  AUTH_JWKS_URL: env.url('where the public keys of access tokens are fetched (the customers service\'s /.well-known/jwks.json)', ['http', 'https'], {
    devDefault: 'http://127.0.0.1:4001/.well-known/jwks.json',
  }),
};
