import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { TakeoversService } from './takeovers.service';

/** `takeover.reported` (V-2) hands over to the takeover reports, in the event's inbox transaction. */
@Injectable()
export class TakeoversConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly takeovers: TakeoversService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('takeover.reported', (event, ctx) => this.takeovers.record(ctx.manager, event));
  }
}
