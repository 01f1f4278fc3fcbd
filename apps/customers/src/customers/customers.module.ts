import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HistoryModule } from '../history/history.module';
import { ownerAndDepartmentFields } from '../organisation/organisation.fields';
import { OrganisationModule } from '../organisation/organisation.module';
import { OwnershipModule } from '../ownership/ownership.module';
import { CustomersController } from './customers.controller';
import { CustomersLoaders } from './customers.loaders';
import { Customer } from './customers.models';
import { CustomersRepository } from './customers.repository';
import { CustomerResolver } from './customers.resolver';
import { CustomersService } from './customers.service';

/**
 * Customers: registration, reads (P-1, P-2), updates and transfers over REST and GraphQL. The service is
 * exported so archives and transfers reuse the one implementation of each rule.
 */
@Module({
  imports: [OrganisationModule, OwnershipModule, HistoryModule, AuditModule],
  controllers: [CustomersController],
  providers: [CustomersRepository, CustomersService, CustomersLoaders, CustomerResolver, ownerAndDepartmentFields(Customer)],
  exports: [CustomersService, CustomersRepository],
})
export class CustomersModule {}
