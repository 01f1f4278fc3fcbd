import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HistoryService } from '../history/history.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

/**
 * The customer core every capability builds on (registration, transfer, history, audit, organisation),
 * exported so archives, classification and transfers reuse the one implementation of each rule.
 */
@Module({
  providers: [OrganisationService, CustomersRepository, CustomersService, HistoryService, AuditService],
  exports: [OrganisationService, CustomersRepository, CustomersService, HistoryService, AuditService],
})
export class CustomersCoreModule {}
