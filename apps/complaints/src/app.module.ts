import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { ComplaintsOptionsModule } from './complaints-options';
import { ComplaintsModule } from './complaints/complaints.module';
import { ComplaintsConfig } from './config';
import { complaintsDatabase } from './database/complaints-database';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { SlaModule } from './sla/sla.module';

/** Wiring only: the complaints service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ...serviceFoundation('complaints', complaintsDatabase, config, ['organisation', 'customer-ownership']),
        ComplaintsOptionsModule.forRoot(config),
        ComplaintsModule,
        SlaModule,
        PersonalDataModule,
      ],
    };
  }
}
