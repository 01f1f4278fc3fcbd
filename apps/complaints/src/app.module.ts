import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { COMPLAINTS_OPTIONS } from './complaints-options';
import { ComplaintsModule } from './complaints/complaints.module';
import { ComplaintsConfig } from './config';
import { CustomersModule } from './customers/customers.module';
import { complaintsDatabase } from './database/complaints-database';
import { ComplaintResolver, CustomerComplaintsResolver } from './graphql/complaint.resolver';
import { Loaders } from './graphql/loaders';
import { SlaModule } from './sla/sla.module';

/** Wiring only: the complaints service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ...serviceFoundation('complaints', complaintsDatabase, config, ['organisation']),
        CustomersModule,
        ComplaintsModule,
        SlaModule,
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
