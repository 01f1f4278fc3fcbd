import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import type { EventPayload } from '@crm/events';
import { CustomersRepository } from './customers.repository';

/**
 * rewards' own read model of customers (from customer.registered): which customers exist, so points of a known
 * customer without any answer 0 and an unknown one 404. No personal data is kept (P-1).
 */
@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomersRepository) {}

  /** customer.registered, in the event's inbox transaction: remembered once, with their referrer. */
  async registered(tx: Tx, e: EventPayload<'customer.registered'>): Promise<void> {
    await this.customers.register(tx, { id: e.customerId, referrerId: e.referrerId, registeredAt: e.registeredAt });
  }

  /** Registered, or already holding points; inside `tx` when given. */
  isKnown(customerId: string, tx?: Tx): Promise<boolean> {
    return this.customers.isKnown(customerId, tx);
  }
}
