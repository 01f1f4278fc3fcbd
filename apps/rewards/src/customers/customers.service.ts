import { Injectable } from '@nestjs/common';
import { isDepartmentStaff, type Principal } from '@crm/auth';
import type { Tx } from '@crm/database';
import { CustomerOwnerships, type OwnershipChange } from '@crm/service-kit';
import { mayActForCustomer } from './customer-access';
import { CustomersRepository } from './customers.repository';

/**
 * rewards' own read model of customers (from the registrations the ownership replica hands over): which customers
 * exist, so points of a known customer without any answer 0 and an unknown one 404; and, through the shared
 * customer-ownership read model, whose department owns them (P-1: department staff act only for their own).
 * No personal data is kept (P-1).
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  /** A registration (the replica's follow-up, in the event's inbox transaction): remembered once, with the referrer. */
  async ownershipChanged(tx: Tx, change: OwnershipChange): Promise<void> {
    if (change.cause !== 'registered') return;
    await this.customers.register(tx, { id: change.customerId, referrerId: change.referrerId ?? null, registeredAt: change.at });
  }

  /** Registered, owned or already holding points; inside `tx` when given. */
  isKnown(customerId: string, tx?: Tx): Promise<boolean> {
    return this.customers.isKnown(customerId, tx);
  }

  /**
   * Whether `caller` may read or redeem the customer's points, and the customer exists (P-1, customer-access.ts).
   * False alike for a customer nobody registered and one the caller may not touch, so a refusal tells nothing.
   * A customer just registered in customers may not have reached rewards yet: before answering false for want
   * of the customer, this waits briefly for customers' event (read your writes; outside any transaction).
   */
  async mayAct(caller: Principal | undefined, customerId: string): Promise<boolean> {
    if (isDepartmentStaff(caller)) return mayActForCustomer(caller, await this.ownerships.awaitKnown(customerId));
    if (!mayActForCustomer(caller, null)) return false;
    return (await this.customers.isKnown(customerId)) || (await this.ownerships.awaitKnown(customerId)) !== null;
  }

  /**
   * Of these customers, those whose points `caller` may see (Customer.points in the graph, one query per batch):
   * all of them for company-wide roles and partners (as before, an unknown one shows an empty account), the
   * owned ones for department staff, waiting briefly for owners not known yet.
   */
  async actableAmong(caller: Principal | undefined, customerIds: readonly string[]): Promise<Set<string>> {
    if (!isDepartmentStaff(caller)) return new Set(mayActForCustomer(caller, null) ? customerIds : []);
    const owners = new Map((await this.ownerships.findMany(customerIds)).map((o) => [o.customerId, o]));
    const missing = customerIds.filter((id) => !owners.has(id));
    for (const o of await Promise.all(missing.map((id) => this.ownerships.awaitKnown(id)))) if (o) owners.set(o.customerId, o);
    return new Set(customerIds.filter((id) => mayActForCustomer(caller, owners.get(id) ?? null)));
  }
}
