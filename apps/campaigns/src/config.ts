import { env, loadConfig, platformConfigSchema, tokenVerifierConfigSchema } from '@crm/config';

/** The campaigns service's environment (validated at start; docker-compose and k8s are checked against it). */
export const campaignsConfigSchema = {
  ...platformConfigSchema,
  ...tokenVerifierConfigSchema,
  PORT: env.port('HTTP port of the campaigns service', 4002),
  DATABASE_POOL_SIZE: env.int('PostgreSQL connections per instance', { default: 10, min: 1, max: 100 }),
  SHEET_WINDOW_DAYS: env.int('days before a joint meeting during which departments submit daily sheets (J-3)', { default: 7, min: 1, max: 60 }),
  SHEET_CUTOFF_CRON: env.string('when the sheet-cutoff sweep reconciles the day (cron, business time zone; after the 18:00 cutoff and the meeting-day deadlines)', {
    default: '1 10,16,18 * * *',
  }),
};

export type CampaignsConfig = ReturnType<typeof loadCampaignsConfig>;

export function loadCampaignsConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadConfig(campaignsConfigSchema, source);
}
