import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { BreachTransfersService } from './breach-transfers.service';

/** `complaint.breached` (C-4) hands over to the breach transfers, in the event's inbox transaction. */
@Injectable()
export class BreachTransfersConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly breachTransfers: BreachTransfersService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('complaint.breached', (breach, ctx) => this.breachTransfers.transferOnBreach(breach, ctx.manager).then(() => undefined));
  }
}
