import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerOwnershipReplica } from '@crm/service-kit';
import { CustomersService } from './customers.service';

/**
 * Learns of new customers from the ownership replica's follow-up (the replica handles customer.registered,
 * assigned and transferred itself), so points of a customer without any answer 0, not 404.
 */
@Injectable()
export class CustomersConsumer implements OnModuleInit {
  constructor(
    private readonly replica: CustomerOwnershipReplica,
    private readonly customers: CustomersService,
  ) {}

  onModuleInit(): void {
    this.replica.onChange((tx, change) => this.customers.ownershipChanged(tx, change));
  }
}
