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
  JWT_SECRET: env.secret('HS256 key that signs and verifies employee access tokens', {
    devDefault: 'development-only-secret-change-me-0123456789',
  }),
  BUSINESS_TZ: env.string('the company time zone for business days and cutoffs', { default: 'Asia/Shanghai' }),
  LOG_LEVEL: env.enumOf('minimum log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, {
    default: 'info',
  }),
  API_KEY_RATE_LIMIT_PER_MINUTE: env.int('requests a partner API key may make per minute', { default: 600, min: 1 }),
};
