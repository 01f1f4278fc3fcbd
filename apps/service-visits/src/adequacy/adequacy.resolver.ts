import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@crm/database';
import { CustomerReference } from '../customers/customer.reference';
import { UnderServedCustomer, UnderServedPage } from './adequacy.models';
import { AdequacyPolicy } from './adequacy.policy';
import { AdequacyService } from './adequacy.service';

@Resolver(() => UnderServedCustomer)
export class AdequacyResolver {
  constructor(private readonly adequacy: AdequacyService) {}

  @Query(() => UnderServedPage, { description: 'V-2: under-served customers; the resource director reassigns them with transferCustomer' })
  @Allow(AdequacyPolicy.listUnderServed)
  underServedCustomers(
    @CurrentPrincipal() caller: Principal,
    @Args('departmentId', { type: () => ID, nullable: true, description: 'Only customers owned by this department; left out: every department' }) departmentId?: string,
    @Args('limit', { type: () => Int, nullable: true, description: `How many customers, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }) limit?: number,
    @Args('cursor', { type: () => String, nullable: true, description: 'The nextCursor of the previous page; left out: the first page' }) cursor?: string,
  ): Promise<UnderServedPage> {
    return this.adequacy.listUnderServed(caller, departmentId, { limit, cursor });
  }

  @ResolveField(() => CustomerReference, { description: 'The under-served customer, as the customers service holds them' })
  customer(@Parent() u: UnderServedCustomer) {
    return { id: u.customerId };
  }
}
