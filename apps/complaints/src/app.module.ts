import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@crm/database';
import { EventsModule, SweepsAdminModule } from '@crm/events';
import { PlatformModule, subgraphModule } from '@crm/http';
import { COMPLAINTS_OPTIONS } from './complaints-options';
import { ComplaintsModule } from './complaints/complaints.module';
import { ComplaintsConfig } from './config';
import { CustomersModule } from './customers/customers.module';
import { complaintsDatabase } from './database/complaints-database';
import { ComplaintResolver, CustomerComplaintsResolver } from './graphql/complaint.resolver';
import { Loaders } from './graphql/loaders';
import { OrganisationModule } from './organisation/organisation.module';
import { SlaModule } from './sla/sla.module';

/** Wiring only: the complaints service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, complaintsDatabase, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'complaints' })),
        PlatformModule.forService({
          production,
          redisUrl: config.REDIS_URL,
          redisPrefix: config.REDIS_PREFIX,
          jwtSecret: config.JWT_SECRET,
          rateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
        }),
        EventsModule.forService({ service: 'complaints', redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX, tz: config.BUSINESS_TZ, logLevel: config.LOG_LEVEL }),
        subgraphModule({ production, schemaFile: 'apps/complaints/schema.graphql' }),
        OrganisationModule,
        CustomersModule,
        ComplaintsModule,
        SlaModule,
        SweepsAdminModule,
      ],
      providers: [
        { provide: COMPLAINTS_OPTIONS, useValue: { slaHours: config.COMPLAINT_SLA_HOURS, slaCron: config.COMPLAINT_SLA_CRON, slaBatchSize: config.COMPLAINT_SLA_BATCH_SIZE } },
        Loaders,
        ComplaintResolver,
        CustomerComplaintsResolver,
      ],
      exports: [COMPLAINTS_OPTIONS],
    };
  }
}
