import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { CustomerOwnershipReplica } from '@crm/service-kit';
import { AdequacyService } from './adequacy.service';

/** What serves a customer for V-2 from other services, each in the event's inbox transaction. */
@Injectable()
export class AdequacyConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'service-visits'>,
    private readonly replica: CustomerOwnershipReplica,
    private readonly adequacy: AdequacyService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('meeting.attended', (e, { manager }) => this.adequacy.attended(manager, e.customerId, new Date(e.attendedAt)));
    // A new owner restarts the window (registered, assigned, transferred; the replica applies the ownership first).
    this.replica.onChange((tx, change) => this.adequacy.ownerChanged(tx, change));
  }
}
