import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { RosterRepository } from './roster.repository';

/** Keeps customer ownership (customers' events) and the V-2 flag (service-visits' events) for J-2. */
@Injectable()
export class RosterConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'campaigns'>,
    private readonly roster: RosterRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.registered', (e, { manager }) =>
      this.roster.own(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.registeredAt }),
    );
    this.consumer.on('customer.assigned', (e, { manager }) =>
      this.roster.own(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.assignedAt }),
    );
    this.consumer.on('customer.transferred', (e, { manager }) =>
      this.roster.own(manager, { customerId: e.customerId, ownerId: e.toOwnerId, departmentId: e.toDepartmentId, at: e.transferredAt }),
    );
    this.consumer.on('customer.under_served', (e, { manager }) =>
      this.roster.markServed(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.detectedAt, underServed: true }),
    );
    this.consumer.on('customer.served', (e, { manager }) =>
      this.roster.markServed(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.servedAt, underServed: false }),
    );
  }
}
