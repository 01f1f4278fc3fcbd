import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '@crm/database';
import { ERASED_TEXT, type CustomerErased } from '@crm/events';
import { CustomerOwnerships } from '@crm/service-kit';
import { PersonalDataRepository, CampaignsTables } from './personal-data.repository';

/** Everything held about a customer: the service's own tables and the shared ownership read model. */
export type CampaignsHoldings = CampaignsTables & { ownership: { ownerId: string; departmentId: string; ownedSince: Date } | null };


/**
 * P-3 in campaigns: the export of what campaigns holds about a customer, and the erasure of what could name
 * them. Invitations, sheets, check-ins, sales, refunds, pitches, locks and fines keep their ids, amounts and
 * dates under the customer's id (a pseudonym once customers has erased the person); the free texts of the
 * disputes about them (description, ruling) are replaced by ERASED_TEXT.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly transactions: Transactions,
    private readonly personalData: PersonalDataRepository,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  /** Everything held about the customer, read in one snapshot. */
  holdings(customerId: string): Promise<CampaignsHoldings> {
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
    return this.transactions.run((tx) => this.personalData.scrubDisputes(tx, event.customerId, ERASED_TEXT), { outer });
  }
}
