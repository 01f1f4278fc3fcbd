import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@crm/database';
import { CustomerReference } from '../customers/customer.reference';
import { VisitPlanStatus } from './visit-plan.entity';
import { VisitPlan, VisitPlanPage } from './visit-plans.models';
import { VisitPlansPolicy } from './visit-plans.policy';
import { VisitPlansService } from './visit-plans.service';
import { visitPlanView } from './visit-plans.view';

@Resolver(() => VisitPlan)
export class VisitPlansResolver {
  constructor(private readonly plans: VisitPlansService) {}

  @Query(() => VisitPlanPage, { description: "V-3: return visits by due time; an employee's own, a head's department's" })
  @Allow(VisitPlansPolicy.list)
  async visitPlans(
    @CurrentPrincipal() caller: Principal,
    @Args('employeeId', { type: () => ID, nullable: true, description: "Only this employee's visits; left out: every visit the caller may see" }) employeeId?: string,
    @Args('status', { type: () => VisitPlanStatus, nullable: true, description: 'Only visits in this state; left out: every state' }) status?: VisitPlanStatus,
    @Args('limit', { type: () => Int, nullable: true, description: `How many visits, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }) limit?: number,
    @Args('cursor', { type: () => String, nullable: true, description: 'The nextCursor of the previous page; left out: the first page' }) cursor?: string,
  ) {
    const page = await this.plans.list(caller, { employeeId, status, limit, cursor });
    return { items: page.items.map(visitPlanView), nextCursor: page.nextCursor };
  }

  @ResolveField(() => CustomerReference, { description: 'The customer to visit, as the customers service holds them' })
  customer(@Parent() p: VisitPlan) {
    return { id: p.customerId };
  }
}
