import { Module } from '@nestjs/common';
import { OwnershipModule } from '../ownership/ownership.module';
import { CustomerHandover } from './customer-handover';
import { DeactivationService } from './deactivation.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationLoaders } from './organisation.loaders';
import { OrganisationRepository } from './organisation.repository';
import { DepartmentResolver, EmployeeResolver, ReassignmentResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

/**
 * Departments and employees: the originals the other services keep copies of (REST, GraphQL, events). A
 * deactivation hands the employee's customers over through the ownership writer.
 */
@Module({
  imports: [OwnershipModule],
  controllers: [OrganisationController],
  providers: [OrganisationRepository, OrganisationService, CustomerHandover, DeactivationService, OrganisationLoaders, DepartmentResolver, EmployeeResolver, ReassignmentResolver],
  exports: [OrganisationService, OrganisationLoaders],
})
export class OrganisationModule {}
