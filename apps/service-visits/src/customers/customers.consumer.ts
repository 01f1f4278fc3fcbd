import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerOwnershipReplica } from '@crm/service-kit';
import { CustomersService } from './customers.service';

/**
 * The registration's stage, from the ownership replica's follow-up (the replica handles customer.registered,
 * assigned and transferred). CustomersModule is imported by adequacy and visit-plans, so Nest initialises it
 * first: the stage is recorded before their follow-ups run, as before the split.
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
