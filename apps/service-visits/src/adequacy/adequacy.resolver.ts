import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
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
    @Args('departmentId', { type: () => ID, nullable: true }) departmentId?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('cursor', { type: () => String, nullable: true }) cursor?: string,
  ): Promise<UnderServedPage> {
    return this.adequacy.listUnderServed(caller, departmentId, { limit, cursor });
  }

  @ResolveField()
  customer(@Parent() u: UnderServedCustomer) {
    return { id: u.customerId };
  }
}
