import { DynamicModule, Module } from '@nestjs/common';
import { CustomersCoreModule } from '../customers/customers-core.module';
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
      imports: [CustomersCoreModule],
      controllers: [ArchivesController],
      providers: [{ provide: ARCHIVES_OPTIONS, useValue: options }, ArchivesRepository, ArchivesService, OutreachEventsConsumer],
    };
  }
}
