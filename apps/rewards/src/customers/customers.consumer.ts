import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { CustomersService } from './customers.service';

/** Learns of new customers from customers' events, so points of a customer without any answer 0, not 404. */
@Injectable()
export class CustomersConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'rewards'>,
    private readonly customers: CustomersService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.registered', (e, { manager }) => this.customers.registered(manager, e));
  }
}
