import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
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
    @Args('employeeId', { type: () => ID, nullable: true }) employeeId?: string,
    @Args('status', { type: () => VisitPlanStatus, nullable: true }) status?: VisitPlanStatus,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('cursor', { type: () => String, nullable: true }) cursor?: string,
  ) {
    const page = await this.plans.list(caller, { employeeId, status, limit, cursor });
    return { items: page.items.map(visitPlanView), nextCursor: page.nextCursor };
  }

  @ResolveField()
  customer(@Parent() p: VisitPlan) {
    return { id: p.customerId };
  }
}
