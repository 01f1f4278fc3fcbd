import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@crm/clock';
import { EventConsumer } from '@crm/events';
import { FinesRepository } from './fines.repository';

/** Books fines imposed by campaigns (J-7, J-11) and complaints (C-2..C-4) into the fines ledger. */
@Injectable()
export class FinesConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'rewards'>,
    private readonly fines: FinesRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumer.on('fine.imposed', (e, { manager, eventId }) => this.fines.book(manager, e, eventId, this.clock.now()));
  }
}
