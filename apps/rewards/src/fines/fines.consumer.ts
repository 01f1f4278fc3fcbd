import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { FinesService } from './fines.service';

/** Books fines imposed by campaigns (J-7, J-11) and complaints (C-2..C-4) into the fines ledger. */
@Injectable()
export class FinesConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'rewards'>,
    private readonly fines: FinesService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('fine.imposed', (e, { manager, eventId }) => this.fines.imposed(manager, e, eventId));
  }
}
