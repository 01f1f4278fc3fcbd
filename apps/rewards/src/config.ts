import { ConfigError, env, loadConfig, platformConfigSchema, tokenVerifierConfigSchema } from '@crm/config';
import { parseTiers } from './ledger/tiers';

/** The rewards service's environment (validated at start; docker-compose and k8s are checked against it). */
export const rewardsConfigSchema = {
  ...platformConfigSchema,
  ...tokenVerifierConfigSchema,
  PORT: env.port('HTTP port of the rewards service', 4003),
  DATABASE_POOL_SIZE: env.int('PostgreSQL connections per instance', { default: 10, min: 1, max: 100 }),
  REWARDS_TIERS: env.string('membership tiers by lifetime points, NAME:threshold in rising order, the first at 0', {
    default: 'STANDARD:0,SILVER:1000,GOLD:5000',
  }),
  LEDGER_AUDIT_CRON: env.string('when the ledger-audit sweep compares cached balances with the ledger (cron, business time zone)', {
    default: '30 3 * * *',
  }),
};

export type RewardsConfig = ReturnType<typeof loadRewardsConfig>;

export function loadRewardsConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(rewardsConfigSchema, source);
  // The tier list has a grammar of its own: checked here so a bad value stops the start naming the variable.
  const tiers = parseTiers(config.REWARDS_TIERS);
  if (typeof tiers === 'string') throw new ConfigError([`REWARDS_TIERS ${tiers}`]);
  return { ...config, tiers };
}
