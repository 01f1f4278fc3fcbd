import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@crm/database';
import { EventsModule, SweepsAdminModule } from '@crm/events';
import { PlatformModule, subgraphModule } from '@crm/http';
import { RewardsConfig } from './config';
import { CustomersModule } from './customers/customers.module';
import { rewardsDatabase } from './database/rewards-database';
import { FinesModule } from './fines/fines.module';
import { LedgerModule } from './ledger/ledger.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PointsModule } from './points/points.module';
import { ReferralsModule } from './referrals/referrals.module';
import { REWARDS_OPTIONS } from './rewards-options';

/** Wiring only: the rewards service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: RewardsConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, rewardsDatabase, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'rewards' })),
        PlatformModule.forService({
          production,
          redisUrl: config.REDIS_URL,
          redisPrefix: config.REDIS_PREFIX,
          jwtSecret: config.JWT_SECRET,
          rateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
        }),
        EventsModule.forService({ service: 'rewards', redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX, tz: config.BUSINESS_TZ, logLevel: config.LOG_LEVEL }),
        subgraphModule({ production, schemaFile: 'apps/rewards/schema.graphql' }),
        OrganisationModule,
        CustomersModule,
        LedgerModule,
        ReferralsModule,
        PointsModule,
        FinesModule,
        SweepsAdminModule,
      ],
      providers: [{ provide: REWARDS_OPTIONS, useValue: { tz: config.BUSINESS_TZ, tiers: config.tiers, ledgerAuditCron: config.LEDGER_AUDIT_CRON } }],
      exports: [REWARDS_OPTIONS],
    };
  }
}
