import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { SurveysModule } from '../surveys/surveys.module';
import { VisitPlansModule } from '../visit-plans/visit-plans.module';
import { PersonalDataConsumer } from './personal-data.consumer';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';

/** P-3: the customer's export section (GET /api/v1/personal-data/{customerId}) and customer.erased. */
@Module({
  imports: [CustomersModule, ServiceRecordsModule, VisitPlansModule, SurveysModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService, PersonalDataConsumer],
})
export class PersonalDataModule {}
