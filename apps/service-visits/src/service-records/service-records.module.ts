import { Module } from '@nestjs/common';
import { AdequacyModule } from '../adequacy/adequacy.module';
import { VisitPlansModule } from '../visit-plans/visit-plans.module';
import { HealthReadings } from './health-readings';
import { ServiceRecordsController } from './service-records.controller';
import { ServiceRecordsLoaders } from './service-records.loaders';
import { ServiceRecordsRepository } from './service-records.repository';
import { CustomerServiceRecordsResolver, ServiceRecordsResolver } from './service-records.resolver';
import { ServiceRecordsService } from './service-records.service';

/** V-1: service records, with health readings sealed at rest (P-1), and `Customer.serviceRecords` in the graph. */
@Module({
  imports: [AdequacyModule, VisitPlansModule],
  providers: [ServiceRecordsRepository, ServiceRecordsService, HealthReadings, ServiceRecordsLoaders, ServiceRecordsResolver, CustomerServiceRecordsResolver],
  controllers: [ServiceRecordsController],
  exports: [ServiceRecordsRepository, ServiceRecordsService],
})
export class ServiceRecordsModule {}
