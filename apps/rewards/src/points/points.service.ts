import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, type Page } from '@crm/database';
import { CustomersService } from '../customers/customers.service';
import { LedgerRepository } from '../ledger/ledger.repository';
import type { PointsEntryEntity } from '../ledger/points.entities';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';
import { PointsErrors } from './points.errors';
import { accountView, entryView, PointsAccountView, PointsEntryView, PointsStatementView } from './points.view';

/**
 * Reading points: at the door any staff member or a partner with points:read (PointsPolicy.read); of one
 * customer, department staff only of customers their department owns (the owner and the owning head, P-1), the
 * company-wide roles and partners of any (customers/customer-access.ts).
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly customers: CustomersService,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  /**
   * The account with its entries newest first; a known customer without points has a balance of 0. 404 alike for
   * a customer nobody registered and one the caller may not see: a refused caller learns nothing.
   */
  async statement(caller: Principal | undefined, customerId: string, page: { limit?: number; cursor?: string }): Promise<PointsStatementView> {
    const entries = await this.entriesOf(caller, customerId, page);
    const [account] = await this.ledger.findAccounts([customerId]);
    return { ...accountView(customerId, account, this.options.tiers), entries: entries.items.map(entryView), nextCursor: entries.nextCursor };
  }

  /** A page of the statement's entries, newest first, as stored (a GraphQL edge's cursor is made of its seq); 404 alike as statement. */
  async entriesOf(caller: Principal | undefined, customerId: string, page: { limit?: number; cursor?: string }): Promise<Page<PointsEntryEntity>> {
    await this.requireVisible(caller, customerId);
    return this.ledger.entriesPage(customerId, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
  }

  /**
   * 404 CUSTOMER_NOT_FOUND for a customer rewards has not heard of (after waiting briefly for one just registered)
   * and, the same, for one whose points the caller may not see or redeem (P-1).
   */
  async requireVisible(caller: Principal | undefined, customerId: string): Promise<void> {
    if (!(await this.customers.mayAct(caller, customerId))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
  }

  /** Of these customers, whether `caller` may see each one's points, in the order asked (DataLoader). */
  async visibleAmong(caller: Principal | undefined, customerIds: readonly string[]): Promise<boolean[]> {
    const visible = await this.customers.actableAmong(caller, customerIds);
    return customerIds.map((id) => visible.has(id));
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
