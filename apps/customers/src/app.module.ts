import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@crm/database';
import { EventsModule } from '@crm/events';
import { PlatformModule, subgraphModule } from '@crm/http';
import { ApiKeysController } from './access/api-keys.controller';
import { ApiKeysService } from './access/api-keys.service';
import { DevTokenController } from './access/dev-token.controller';
import { AuditService } from './audit/audit.service';
import { CustomersConfig } from './config';
import { CustomersController } from './customers/customers.controller';
import { CustomersRepository } from './customers/customers.repository';
import { CustomersService } from './customers/customers.service';
import { customersDatabase } from './database/customers-database';
import { CustomerResolver } from './graphql/customer.resolver';
import { Loaders } from './graphql/loaders';
import { DepartmentResolver, EmployeeResolver } from './graphql/organisation.resolver';
import { HistoryService } from './history/history.service';
import { OrganisationController } from './organisation/organisation.controller';
import { OrganisationService } from './organisation/organisation.service';

/** Wiring only: the customers service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: CustomersConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, customersDatabase, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'customers' })),
        PlatformModule.forService({
          production,
          redisUrl: config.REDIS_URL,
          redisPrefix: config.REDIS_PREFIX,
          jwtSecret: config.JWT_SECRET,
          rateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
        }),
        EventsModule.forService({ service: 'customers', redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX, tz: config.BUSINESS_TZ, logLevel: config.LOG_LEVEL }),
        subgraphModule({ production }),
      ],
      controllers: [OrganisationController, CustomersController, ApiKeysController, ...(production ? [] : [DevTokenController])],
      providers: [
        OrganisationService,
        CustomersRepository,
        CustomersService,
        HistoryService,
        AuditService,
        ApiKeysService,
        Loaders,
        CustomerResolver,
        DepartmentResolver,
        EmployeeResolver,
      ],
    };
  }
}
