import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { CustomersService } from '../customers/customers.service';
import { LedgerRepository } from '../ledger/ledger.repository';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';
import { PointsErrors } from './points.errors';
import { accountView, entryView, PointsAccountView, PointsEntryView, PointsStatementView } from './points.view';

/** Reading points: any staff member, or a partner with points:read (PointsPolicy.read). */
@Injectable()
export class PointsService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly customers: CustomersService,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  /** The account with its entries newest first; a known customer without points has a balance of 0. */
  async statement(customerId: string, page: { limit?: number; cursor?: string }): Promise<PointsStatementView> {
    const [account] = await this.ledger.findAccounts([customerId]);
    if (!account && !(await this.customers.isKnown(customerId))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
    const entries = await this.ledger.entriesPage(customerId, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { ...accountView(customerId, account, this.options.tiers), entries: entries.items.map(entryView), nextCursor: entries.nextCursor };
  }

  /** 404 CUSTOMER_NOT_FOUND for a customer rewards has not heard of. */
  async requireKnown(customerId: string): Promise<void> {
    if (!(await this.customers.isKnown(customerId))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
  }

  /** The accounts of customers in one query, in the order asked (DataLoader); no account is an empty one. */
  async accountsOf(customerIds: readonly string[]): Promise<PointsAccountView[]> {
    const rows = new Map((await this.ledger.findAccounts(customerIds)).map((a) => [a.customerId, a]));
    return customerIds.map((id) => accountView(id, rows.get(id), this.options.tiers));
  }

  /** The newest `first` entries of each customer, in one query, in the order asked (DataLoader). */
  async newestEntriesOf(customerIds: readonly string[], first: number): Promise<PointsEntryView[][]> {
    const rows = await this.ledger.newestEntriesOf(customerIds, first);
    return customerIds.map((id) => rows.filter((r) => r.customerId === id).map(entryView));
  }
}
