import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '@crm/database';
import { ERASED_TEXT, type CustomerErased } from '@crm/events';
import { CustomerOwnerships } from '@crm/service-kit';
import { PersonalDataRepository, RewardsTables } from './personal-data.repository';

/** Everything held about a customer: the service's own tables and the shared ownership read model. */
export type RewardsHoldings = RewardsTables & { ownership: { ownerId: string; departmentId: string; ownedSince: Date } | null };


/** The fingerprint of an erased redemption request: not a sha-256, so no request's fingerprint ever equals it. */
export const ERASED_FINGERPRINT = 'erased';

/**
 * P-3 in rewards: the export of what rewards holds about a customer, and the erasure of what could name them.
 * The points account, ledger entries, corrections and referral rows keep their ids, points, amounts and dates
 * under the customer's id (a pseudonym once customers has erased the person); the gift texts of their
 * redemptions, in the request and its stored answer, are replaced by ERASED_TEXT.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly transactions: Transactions,
    private readonly personalData: PersonalDataRepository,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  /** Everything held about the customer, read in one snapshot. */
  holdings(customerId: string): Promise<RewardsHoldings> {
    return this.transactions.run(
      async (tx) => {
        // One after the other: a transaction's queries share one connection.
        const found = await this.ownerships.find(customerId, tx);
        const tables = await this.personalData.holdings(tx, customerId);
        return { ownership: found && { ownerId: found.ownerId, departmentId: found.departmentId, ownedSince: found.ownedSince }, ...tables };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }

  /** `customer.erased`, in the event's inbox transaction; doing it again changes nothing. */
  erase(event: CustomerErased, outer: Tx): Promise<void> {
    return this.transactions.run((tx) => this.personalData.scrubRedemptions(tx, event.customerId, ERASED_TEXT, ERASED_FINGERPRINT), { outer });
  }
}
