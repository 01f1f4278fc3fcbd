import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { OwnershipModule } from '../ownership/ownership.module';
import { AllocationService } from './allocation.service';
import { ArchiveReportsService } from './archive-reports.service';
import { ArchivesResolver } from './archives.resolver';
import { ArchivesController } from './archives.controller';
import { ArchivesRepository } from './archives.repository';
import { ARCHIVES_OPTIONS, ArchivesOptions, ArchivesService } from './archives.service';
import { OutreachEventsConsumer } from './outreach-events.consumer';

/** O-1..O-4: outreach events, archive batches and their allocation. */
@Module({})
export class ArchivesModule {
  static forRoot(options: ArchivesOptions): DynamicModule {
    return {
      module: ArchivesModule,
      imports: [CustomersModule, OrganisationModule, OwnershipModule, AuditModule],
      controllers: [ArchivesController],
      providers: [
        { provide: ARCHIVES_OPTIONS, useValue: options },
        ArchivesRepository,
        ArchivesService,
        ArchiveReportsService,
        AllocationService,
        OutreachEventsConsumer,
        ArchivesResolver,
      ],
    };
  }
}
