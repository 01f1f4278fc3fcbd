import { env, loadConfig, platformConfigSchema, tokenVerifierConfigSchema } from '@crm/config';

/** The complaints service's environment (validated at start; docker-compose and k8s are checked against it). */
export const complaintsConfigSchema = {
  ...platformConfigSchema,
  ...tokenVerifierConfigSchema,
  PORT: env.port('HTTP port of the complaints service', 4004),
  DATABASE_POOL_SIZE: env.int('PostgreSQL connections per instance', { default: 10, min: 1, max: 100 }),
  COMPLAINT_SLA_HOURS: env.int('hours after filing by which a complaint must be resolved (C-4)', { default: 72, min: 1, max: 24 * 365 }),
  COMPLAINT_SLA_CRON: env.string('when the complaint-sla sweep looks for complaints past due (cron, business time zone)', {
    default: '* * * * *',
  }),
  COMPLAINT_SLA_BATCH_SIZE: env.int('complaints the complaint-sla sweep breaches per transaction', { default: 500, min: 1, max: 10_000 }),
};

export type ComplaintsConfig = ReturnType<typeof loadComplaintsConfig>;

export function loadComplaintsConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadConfig(complaintsConfigSchema, source);
}
