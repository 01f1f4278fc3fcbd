import { DynamicModule, Global, Module } from '@nestjs/common';
import type { RewardsConfig } from './config';
import type { Tier } from './ledger/tiers';

/** The settings rewards' rules read, from the validated config (one place for each number, docs/rules.md). */
export interface RewardsOptions {
  /** BUSINESS_TZ: fines are totalled per month in it. */
  tz: string;
  /** Membership tiers by lifetime points, lowest first. */
  tiers: readonly Tier[];
  /** When the ledger-audit sweep runs (cron in BUSINESS_TZ). */
  ledgerAuditCron: string;
}

export const REWARDS_OPTIONS = Symbol('REWARDS_OPTIONS');

/** Provides REWARDS_OPTIONS to every capability module. */
@Global()
@Module({})
export class RewardsOptionsModule {
  static forRoot(config: RewardsConfig): DynamicModule {
    return {
      module: RewardsOptionsModule,
      providers: [{ provide: REWARDS_OPTIONS, useValue: { tz: config.BUSINESS_TZ, tiers: config.tiers, ledgerAuditCron: config.LEDGER_AUDIT_CRON } satisfies RewardsOptions }],
      exports: [REWARDS_OPTIONS],
    };
  }
}
