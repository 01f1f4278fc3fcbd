import { Module } from '@nestjs/common';
import { AdequacyModule } from '../adequacy/adequacy.module';
import { CustomersModule } from '../customers/customers.module';
import { HealthReadings } from '../health-data/health-readings';
import { VisitPlansModule } from '../visit-plans/visit-plans.module';
import { ServiceRecordsController } from './service-records.controller';
import { ServiceRecordsRepository } from './service-records.repository';
import { ServiceRecordsService } from './service-records.service';

/** V-1: service records, with health readings sealed at rest (P-1). */
@Module({
  imports: [CustomersModule, AdequacyModule, VisitPlansModule],
  providers: [ServiceRecordsRepository, ServiceRecordsService, HealthReadings],
  controllers: [ServiceRecordsController],
  exports: [ServiceRecordsRepository, ServiceRecordsService],
})
export class ServiceRecordsModule {}
