import { Module } from '@nestjs/common';
import { AdequacyModule } from '../adequacy/adequacy.module';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { SurveysModule } from '../surveys/surveys.module';
import { VisitPlansModule } from '../visit-plans/visit-plans.module';
import { Loaders } from './loaders';
import { CustomerServiceRecordsResolver, ServiceRecordResolver } from './service-record.resolver';
import { SurveyResolver } from './survey.resolver';
import { UnderServedResolver, VisitPlanResolver } from './visit-plan.resolver';

/** The service-visits subgraph: Customer.serviceRecords, visitPlans, underServedCustomers, recordService, submitSurvey, satisfaction. */
@Module({
  imports: [ServiceRecordsModule, VisitPlansModule, AdequacyModule, SurveysModule],
  providers: [Loaders, ServiceRecordResolver, CustomerServiceRecordsResolver, VisitPlanResolver, UnderServedResolver, SurveyResolver],
})
export class ServiceVisitsGraphqlModule {}
