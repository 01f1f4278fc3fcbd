import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { ArchivesRepository } from './archives.repository';

/** Keeps the read model of campaigns' outreach events (O-1) that batches and allocation refer to. */
@Injectable()
export class OutreachEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly archives: ArchivesRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on('outreach.recorded', (event, ctx) =>
      this.archives.upsertOutreachEvent(ctx.manager, {
        id: event.outreachEventId,
        departmentId: event.departmentId,
        date: event.date,
        participantIds: event.participantIds,
        recordedAt: new Date(event.recordedAt),
      }),
    );
  }
}
