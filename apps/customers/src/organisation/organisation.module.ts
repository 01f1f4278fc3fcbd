import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationLoaders } from './organisation.loaders';
import { OrganisationRepository } from './organisation.repository';
import { DepartmentResolver, EmployeeResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

/** Departments and employees: the originals the other services keep copies of (REST, GraphQL, events). */
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationRepository, OrganisationService, OrganisationLoaders, DepartmentResolver, EmployeeResolver],
  exports: [OrganisationService, OrganisationLoaders],
})
export class OrganisationModule {}
