import { env, loadConfig, platformConfigSchema } from '@crm/config';

/** The customers service's environment (validated at start; docker-compose and k8s are checked against it). */
export const customersConfigSchema = {
  ...platformConfigSchema,
  PORT: env.port('HTTP port of the customers service', 4001),
  DATABASE_POOL_SIZE: env.int('PostgreSQL connections per instance', { default: 10, min: 1, max: 100 }),
  ACCESS_TOKEN_TTL_SECONDS: env.int('how long an access token is valid', { default: 300, min: 30, max: 3600 }),
  REFRESH_TOKEN_TTL_DAYS: env.int('how long an unused refresh token is valid', { default: 14, min: 1, max: 90 }),
  SESSION_MAX_DAYS: env.int('the longest a sign-in lasts, however often it is refreshed', { default: 30, min: 1, max: 365 }),
  SIGNING_KEY_PUBLISH_AHEAD_SECONDS: env.int('how long a rotated signing key is published before it signs (more than the verifiers\' 5 s refetch cooldown)', { default: 60, min: 6, max: 86_400 }),
  SIGNING_KEY_RELOAD_SECONDS: env.int('how often each instance re-reads the signing keys (a rotation is seen within this)', { default: 30, min: 1, max: 3600 }),
  LOGIN_FAILURES_ALLOWED: env.int('failed sign-ins of one login from one address before it must wait', { default: 5, min: 1, max: 100 }),
  LOGIN_BLOCK_SECONDS: env.int('how long it waits then', { default: 300, min: 1, max: 86_400 }),
  CLASSIFICATION_CRON: env.string('when the classification sweep runs (cron, business time zone)', { default: '30 2 * * *' }),
};

export type CustomersConfig = ReturnType<typeof loadCustomersConfig>;

export function loadCustomersConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadConfig(customersConfigSchema, source);
}
