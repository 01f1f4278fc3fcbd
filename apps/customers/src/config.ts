import { env, loadConfig, platformConfigSchema } from '@crm/config';

/** The customers service's environment (validated at start; docker-compose and k8s are checked against it). */
export const customersConfigSchema = {
  ...platformConfigSchema,
  PORT: env.port('HTTP port of the customers service', 4001),
  DATABASE_POOL_SIZE: env.int('PostgreSQL connections per instance', { default: 10, min: 1, max: 100 }),
  CLASSIFICATION_CRON: env.string('when the classification sweep runs (cron, business time zone)', { default: '30 2 * * *' }),
};

export type CustomersConfig = ReturnType<typeof loadCustomersConfig>;

export function loadCustomersConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadConfig(customersConfigSchema, source);
}
