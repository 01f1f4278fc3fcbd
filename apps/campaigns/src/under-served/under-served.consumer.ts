import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { UnderServedService } from './under-served.service';

/**
 * Keeps the V-2 flag from service-visits' events. Ownership (customer.registered/assigned/transferred) is the
 * shared CustomerOwnershipReplica's (@crm/service-kit), which registers those events itself.
 */
@Injectable()
export class UnderServedConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'campaigns'>,
    private readonly underServed: UnderServedService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.under_served', (e, { manager }) =>
      this.underServed.record({ customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, underServed: true, at: e.detectedAt }, manager),
    );
    this.consumer.on('customer.served', (e, { manager }) =>
      this.underServed.record({ customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, underServed: false, at: e.servedAt }, manager),
    );
  }
}
