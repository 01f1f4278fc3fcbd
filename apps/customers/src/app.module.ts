import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { ApiKeysController } from './access/api-keys.controller';
import { ApiKeysService } from './access/api-keys.service';
import { DevTokenController } from './access/dev-token.controller';
import { ArchivesModule } from './archives/archives.module';
import { ClassificationModule } from './classification/classification.module';
import { CustomersConfig } from './config';
import { CustomersController } from './customers/customers.controller';
import { CustomersCoreModule } from './customers/customers-core.module';
import { customersDatabase } from './database/customers-database';
import { CustomerResolver } from './graphql/customer.resolver';
import { Loaders } from './graphql/loaders';
import { DepartmentResolver, EmployeeResolver } from './graphql/organisation.resolver';
import { OrganisationController } from './organisation/organisation.controller';
import { TransfersModule } from './transfers/transfers.module';

/** Wiring only: the customers service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: CustomersConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation('customers', customersDatabase, config),
        CustomersCoreModule,
        ArchivesModule.forRoot({ businessTz: config.BUSINESS_TZ }),
        ClassificationModule.forRoot({ cron: config.CLASSIFICATION_CRON }),
        TransfersModule,
      ],
      controllers: [OrganisationController, CustomersController, ApiKeysController, ...(production ? [] : [DevTokenController])],
      providers: [
        ApiKeysService,
        Loaders,
        CustomerResolver,
        DepartmentResolver,
        EmployeeResolver,
      ],
    };
  }
}
