import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { ReferralsService } from './referrals.service';

/** Campaigns' attendance and sales, turned into referral points (R-1, R-2). */
@Injectable()
export class ReferralsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'rewards'>,
    private readonly referrals: ReferralsService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('meeting.attended', (e, { manager, eventId }) => this.referrals.attended(manager, e, eventId));
    this.consumer.on('sale.recorded', (e, { manager, eventId }) => this.referrals.saleRecorded(manager, e, eventId));
    this.consumer.on('sale.refunded', (e, { manager, eventId }) => this.referrals.saleRefunded(manager, e, eventId));
  }
}
