import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsLoaders } from './complaints.loaders';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsResolver, CustomerComplaintsResolver } from './complaints.resolver';
import { ComplaintsService } from './complaints.service';

/**
 * C-1..C-5 on request, over REST and GraphQL (`Complaint`, `Customer.complaints`): filing, fines by channel,
 * resolution and reopening. Customers and staff come from the shared read models (CustomerOwnerships,
 * OrganisationDirectory) that serviceFoundation provides.
 */
@Module({
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService, ComplaintsLoaders, ComplaintsResolver, CustomerComplaintsResolver],
  exports: [ComplaintsRepository, ComplaintsService],
})
export class ComplaintsModule {}
