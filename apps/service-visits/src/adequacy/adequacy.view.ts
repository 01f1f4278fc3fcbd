import { Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, Page } from '@crm/database';
import { Injectable } from '@nestjs/common';
import { staffScope } from '../access/visibility';
import { ServedCustomerEntity } from '../customers/served-customer.entity';
import { AdequacyRepository } from './adequacy.repository';

/** An under-served customer on the resource director's list (V-2). */
export interface UnderServedView {
  customerId: string;
  ownerId: string | null;
  departmentId: string | null;
  lastServedAt: string | null;
  underServedSince: string | null;
  /**
   * Reassigning is the customers service's transfer (RESOURCE_DIRECTOR only, audited there): the list links to
   * it rather than doing it again here.
   */
  transfer: { method: 'POST'; href: string; body: { toEmployeeId: string; reason: string } };
}

export function underServedView(c: ServedCustomerEntity): UnderServedView {
  return {
    customerId: c.id,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    lastServedAt: c.lastServedAt?.toISOString() ?? null,
    underServedSince: c.servedStateAt?.toISOString() ?? null,
    transfer: { method: 'POST', href: `/api/v1/customers/${c.id}/transfer`, body: { toEmployeeId: '<employee id>', reason: 'V-2: under-served' } },
  };
}

/** The resource director's list of under-served customers (V-2); department heads see their own department's. */
@Injectable()
export class UnderServedList {
  constructor(private readonly repo: AdequacyRepository) {}

  async list(caller: Principal | undefined, departmentId: string | undefined, page: { limit?: number; cursor?: string }): Promise<Page<UnderServedView>> {
    const scope = staffScopeForList(caller, departmentId);
    const found = await this.repo.underServed(scope, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { items: found.items.map(underServedView), nextCursor: found.nextCursor };
  }
}

function staffScopeForList(caller: Principal | undefined, departmentId: string | undefined): string | undefined {
  return staffScope(caller, { departmentId }).departmentId;
}
