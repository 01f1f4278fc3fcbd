import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { CustomersRepository } from './customers.repository';

/** Keeps customer ownership from customers' events: registration, allocation (O-4) and transfers (C-4, V-2). */
@Injectable()
export class CustomersConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'complaints'>,
    private readonly customers: CustomersRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.registered', (e, { manager }) =>
      this.customers.own(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.registeredAt }),
    );
    this.consumer.on('customer.assigned', (e, { manager }) =>
      this.customers.own(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.assignedAt }),
    );
    this.consumer.on('customer.transferred', (e, { manager }) =>
      this.customers.own(manager, { customerId: e.customerId, ownerId: e.toOwnerId, departmentId: e.toDepartmentId, at: e.transferredAt }),
    );
  }
}
