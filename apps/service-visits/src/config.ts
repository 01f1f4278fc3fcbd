import { ConfigError, env, loadConfig, platformConfigSchema, tokenVerifierConfigSchema, VariableSpec } from '@crm/config';
import { buildKeyring } from './health-data/health-keys';
import { parseCadence } from './visit-plans/cadence';

/**
 * A development-only key: readings written outside production stay readable across restarts. Production has
 * no default (loadServiceVisitsConfig refuses to serve without HEALTH_DATA_KEY).
 */
const DEVELOPMENT_HEALTH_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1oZWFsdGgta2V5LTMyYiE=';

/**
 * Optional in the schema so the migration Job and `--migrate` never need the key (they touch no readings);
 * serving requires it in production, checked below.
 */
const healthDataKey: VariableSpec<string> = {
  kind: 'secret',
  description: 'AES-256-GCM key for health readings at rest, 32 bytes in base64 (`openssl rand -base64 32`); required in production to serve, not to migrate',
  optional: true,
  parse: (raw) => raw,
};

/** The service-visits service's environment (validated at start; docker-compose and k8s are checked against it). */
export const serviceVisitsConfigSchema = {
  ...platformConfigSchema,
  ...tokenVerifierConfigSchema,
  PORT: env.port('HTTP port of the service-visits service', 4005),
  DATABASE_POOL_SIZE: env.int('PostgreSQL connections per instance', { default: 10, min: 1, max: 100 }),
  ADEQUACY_DAYS: env.int('days without an attended meeting or owner-department home visit before a customer is under-served (V-2)', { default: 90, min: 1, max: 3650 }),
  ADEQUACY_CRON: env.string('when the service-adequacy sweep looks for under-served customers (cron, business time zone)', { default: '15 2 * * *' }),
  ADEQUACY_BATCH_SIZE: env.int('customers the service-adequacy sweep flags per transaction', { default: 5000, min: 1, max: 50_000 }),
  VISIT_CADENCE: env.string('return visits by stage (V-3): STAGE:days or STAGE:daysxtimes; unlisted stages get none', { default: 'NEW:7x4,LOYAL:30,POTENTIAL:30,CHURNED:90' }),
  FOLLOW_UP_HOURS: env.int('hours after a complaint is resolved by which the follow-up visit is due (V-3)', { default: 24, min: 1, max: 24 * 30 }),
  VISIT_PLANS_CRON: env.string('when the visit-plans sweep marks overdue return visits (cron, business time zone)', { default: '*/10 * * * *' }),
  HEALTH_DATA_KEY: healthDataKey,
  HEALTH_DATA_KEY_ID: env.string('id stored with each sealed reading, naming HEALTH_DATA_KEY (change it with the key)', { default: 'k1' }),
  HEALTH_DATA_PREVIOUS_KEYS: {
    kind: 'secret',
    description: 'earlier health keys still needed to open older readings after a rotation, id:base64,id:base64',
    optional: true,
    parse: (raw: string) => raw,
  } as VariableSpec<string>,
};

export type ServiceVisitsConfig = ReturnType<typeof loadServiceVisitsConfig>;

export function loadServiceVisitsConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(serviceVisitsConfigSchema, source);
  const problems: string[] = [];
  const cadence = parseCadence(config.VISIT_CADENCE);
  if (typeof cadence === 'string') problems.push(`VISIT_CADENCE ${cadence}`);
  let key = config.HEALTH_DATA_KEY;
  if (!key) {
    if (config.NODE_ENV === 'production') problems.push(`HEALTH_DATA_KEY is missing (${healthDataKey.description})`);
    key = DEVELOPMENT_HEALTH_KEY;
  }
  const healthKeys = buildKeyring({ id: config.HEALTH_DATA_KEY_ID, key }, config.HEALTH_DATA_PREVIOUS_KEYS);
  if (Array.isArray(healthKeys)) problems.push(...healthKeys);
  if (problems.length || typeof cadence === 'string' || Array.isArray(healthKeys)) throw new ConfigError(problems);
  return { ...config, cadence, healthKeys };
}

/** What `--migrate` and the other database commands need: the database, never the health key. */
export function loadDatabaseConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadConfig({ DATABASE_URL: serviceVisitsConfigSchema.DATABASE_URL }, source);
}
