import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { VisitPlansController } from './visit-plans.controller';
import { VisitPlansRepository } from './visit-plans.repository';
import { VisitPlansService } from './visit-plans.service';
import { VisitPlansSweep } from './visit-plans.sweep';

/** V-3: return-visit plans, the visit-plans sweep and the lists of due visits. */
@Module({
  imports: [CustomersModule],
  providers: [VisitPlansRepository, VisitPlansService, VisitPlansSweep],
  controllers: [VisitPlansController],
  exports: [VisitPlansService],
})
export class VisitPlansModule {}
