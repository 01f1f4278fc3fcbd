import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { CustomersModule } from '../customers/customers.module';
import { VisitPlansConsumer } from './visit-plans.consumer';
import { VisitPlansController } from './visit-plans.controller';
import { VisitPlansRepository } from './visit-plans.repository';
import { VisitPlansResolver } from './visit-plans.resolver';
import { VisitPlansService } from './visit-plans.service';
import { VisitPlansSweep } from './visit-plans.sweep';

/** V-3: return-visit plans, kept current by events, the visit-plans sweep and the lists of due visits. */
@Module({
  imports: [CustomersModule, ComplaintsModule],
  providers: [VisitPlansRepository, VisitPlansService, VisitPlansSweep, VisitPlansConsumer, VisitPlansResolver],
  controllers: [VisitPlansController],
  exports: [VisitPlansService],
})
export class VisitPlansModule {}
