import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { Transactions, type Tx } from '@crm/database';
import { CustomerOwnerships } from '@crm/service-kit';
import { UnderServedRepository } from './under-served.repository';
import { KnownCustomer, ServedVerdict } from './under-served.rules';

/**
 * V-2 as campaigns needs it: which customers are under-served (so another department may invite them, J-2),
 * read together with who owns them (the shared customer-ownership read model).
 */
@Injectable()
export class UnderServedService {
  constructor(
    private readonly transactions: Transactions,
    private readonly verdicts: UnderServedRepository,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  /** A `customer.under_served` / `customer.served` verdict, in the event's inbox transaction. */
  record(verdict: ServedVerdict, outer: Tx): Promise<void> {
    return this.transactions.run((tx) => this.verdicts.record(tx, verdict), { outer });
  }

  /**
   * The customer's owner and V-2 flag; null for a customer campaigns has not heard of. Customers' ownership wins;
   * a customer known only from a V-2 verdict (customers' event still on its way) is owned as the verdict says.
   * Pass the transaction when inside one (one connection per request).
   */
  async find(customerId: string, tx?: Tx): Promise<KnownCustomer | null> {
    if (!isUUID(customerId)) return null;
    // One after the other: a transaction's queries share one connection.
    const ownership = await this.ownerships.find(customerId, tx);
    const verdict = await this.verdicts.find(customerId, tx);
    const owner = ownership ?? verdict;
    if (!owner) return null;
    return { customerId, ownerId: owner.ownerId, departmentId: owner.departmentId, underServed: verdict?.underServed ?? false };
  }

  /**
   * `find`, reading your writes: a customer registered a moment ago may not have reached campaigns yet, so before
   * answering null this waits (CustomerOwnerships.awaitKnown) for customers' event. Never inside a transaction.
   */
  async findAwaiting(customerId: string): Promise<KnownCustomer | null> {
    if (!isUUID(customerId)) return null;
    const known = await this.find(customerId);
    if (known) return known;
    await this.ownerships.awaitKnown(customerId);
    return this.find(customerId);
  }
}
