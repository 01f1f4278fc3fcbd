import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { ArchivesService } from './archives.service';

/** `outreach.recorded` (O-1) hands over to the archives, which keep the events batches and allocation refer to. */
@Injectable()
export class OutreachEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly archives: ArchivesService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('outreach.recorded', (event, ctx) =>
      this.archives.recordOutreachEvent(ctx.manager, {
        id: event.outreachEventId,
        departmentId: event.departmentId,
        date: event.date,
        participantIds: event.participantIds,
        recordedAt: new Date(event.recordedAt),
      }),
    );
  }
}
