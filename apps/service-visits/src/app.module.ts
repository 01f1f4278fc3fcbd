import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@crm/database';
import { EventsModule, SweepsAdminModule } from '@crm/events';
import { PlatformModule, subgraphModule } from '@crm/http';
import { AdequacyModule } from './adequacy/adequacy.module';
import { ServiceVisitsConfig } from './config';
import { CustomerEventsModule } from './customers/customer-events.module';
import { serviceVisitsDatabase } from './database/service-visits-database';
import { ServiceVisitsGraphqlModule } from './graphql/graphql.module';
import { OrganisationModule } from './organisation/organisation.module';
import { ServiceRecordsModule } from './service-records/service-records.module';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from './service-visits-options';
import { SurveysModule } from './surveys/surveys.module';
import { VisitPlansModule } from './visit-plans/visit-plans.module';

/** Wiring only: the service-visits service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceVisitsConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    const options: ServiceVisitsOptions = {
      tz: config.BUSINESS_TZ,
      adequacyDays: config.ADEQUACY_DAYS,
      adequacyCron: config.ADEQUACY_CRON,
      adequacyBatchSize: config.ADEQUACY_BATCH_SIZE,
      cadence: config.cadence,
      followUpHours: config.FOLLOW_UP_HOURS,
      visitPlansCron: config.VISIT_PLANS_CRON,
      healthKeys: config.healthKeys,
    };
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, serviceVisitsDatabase, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'service-visits' })),
        PlatformModule.forService({
          production,
          redisUrl: config.REDIS_URL,
          redisPrefix: config.REDIS_PREFIX,
          jwtSecret: config.JWT_SECRET,
          rateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
        }),
        EventsModule.forService({ service: 'service-visits', redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX, tz: config.BUSINESS_TZ, logLevel: config.LOG_LEVEL }),
        subgraphModule({ production, schemaFile: 'apps/service-visits/schema.graphql' }),
        OrganisationModule,
        CustomerEventsModule,
        AdequacyModule,
        VisitPlansModule,
        ServiceRecordsModule,
        SurveysModule,
        ServiceVisitsGraphqlModule,
        SweepsAdminModule,
      ],
      providers: [{ provide: SERVICE_VISITS_OPTIONS, useValue: options }],
      exports: [SERVICE_VISITS_OPTIONS],
    };
  }
}
