import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { CustomersRepository } from '../customers/customers.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';
import { PointsErrors } from './points.errors';
import { accountView, entryView, PointsAccountView, PointsEntryView } from './points.views';

export interface PointsStatement extends PointsAccountView {
  entries: PointsEntryView[];
  nextCursor: string | null;
}

/** Reading points: any staff member, or a partner with points:read (the routes say so). */
@Injectable()
export class PointsService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly customers: CustomersRepository,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  /** The account with its entries newest first; a known customer without points has a balance of 0. */
  async statement(customerId: string, page: { limit?: number; cursor?: string }): Promise<PointsStatement> {
    const [account] = await this.ledger.findAccounts([customerId]);
    if (!account && !(await this.customers.isKnown(customerId))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
    const entries = await this.ledger.entriesPage(customerId, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { ...accountView(customerId, account, this.options.tiers), entries: entries.items.map(entryView), nextCursor: entries.nextCursor };
  }
}
