import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import type { OwnershipChange } from '@crm/service-kit';
import { CustomersRepository } from './customers.repository';

/** What service-visits keeps of a customer besides the ownership: the stage a registration starts in (S-1). */
@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomersRepository) {}

  /** A registration carries the stage the customer starts in; recorded first, before the ownership's follow-ups. */
  async ownershipChanged(tx: Tx, change: OwnershipChange): Promise<void> {
    if (change.cause === 'registered' && change.stage) await this.customers.stage(tx, { customerId: change.customerId, stage: change.stage, at: change.at });
  }
}
