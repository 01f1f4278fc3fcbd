import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { AuditService } from './audit.service';

/** `personal_data.read` (P-2, from service-visits) hands over to the one audit trail, in the inbox transaction. */
@Injectable()
export class AuditConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('personal_data.read', (read, ctx) => this.audit.recordRead(ctx.manager, read, { service: ctx.producer, eventId: ctx.eventId }));
  }
}
