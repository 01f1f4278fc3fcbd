import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { AdequacyModule } from './adequacy/adequacy.module';
import { ServiceVisitsConfig } from './config';
import { serviceVisitsDatabase } from './database/service-visits-database';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { ServiceRecordsModule } from './service-records/service-records.module';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from './service-visits-options';
import { SurveysModule } from './surveys/surveys.module';
import { VisitPlansModule } from './visit-plans/visit-plans.module';

/** Wiring only: the service-visits service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceVisitsConfig): DynamicModule {
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
        ...serviceFoundation('service-visits', serviceVisitsDatabase, config, ['organisation', 'customer-ownership']),
        // Ownership follow-ups run in the order the modules initialise: customers' (the registration's stage,
        // imported by both below, so first), then adequacy's (the V-2 window) before visit-plans' (open visits).
        AdequacyModule,
        VisitPlansModule,
        ServiceRecordsModule,
        SurveysModule,
        PersonalDataModule,
      ],
      providers: [{ provide: SERVICE_VISITS_OPTIONS, useValue: options }],
      exports: [SERVICE_VISITS_OPTIONS],
    };
  }
}
