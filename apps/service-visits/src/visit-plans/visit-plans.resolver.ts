import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { staffScope } from '../access/visibility';
import { UnderServedList } from '../adequacy/under-served';
import { UNDER_SERVED_ROLES } from '../adequacy/under-served.controller';
import { VisitPlanStatus } from '../visit-plans/visit-plan.entity';
import { VisitPlansService } from '../visit-plans/visit-plans.service';
import { visitPlanView } from '../visit-plans/visit-plan.view';
import { Roles } from '@crm/auth';
import { UnderServedCustomer, UnderServedPage, VisitPlan, VisitPlanPage } from './models';

function pageSize(limit: number | undefined): number {
  if (limit !== undefined && (limit < 1 || limit > 200)) throw CommonErrors.VALIDATION_FAILED('limit must be from 1 to 200');
  return limit ?? DEFAULT_PAGE_SIZE;
}

@Resolver(() => VisitPlan)
export class VisitPlanResolver {
  constructor(private readonly plans: VisitPlansService) {}

  @Query(() => VisitPlanPage, { description: "V-3: return visits by due time; an employee's own, a head's department's" })
  async visitPlans(
    @CurrentPrincipal() caller: Principal,
    @Args('employeeId', { type: () => ID, nullable: true }) employeeId?: string,
    @Args('status', { type: () => VisitPlanStatus, nullable: true }) status?: VisitPlanStatus,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('cursor', { type: () => String, nullable: true }) cursor?: string,
  ) {
    const scope = staffScope(caller, { employeeId });
    const page = await this.plans.list({ ...scope, employeeId: employeeId ?? scope.employeeId, status }, { limit: pageSize(limit), cursor });
    return { items: page.items.map(visitPlanView), nextCursor: page.nextCursor };
  }

  @ResolveField()
  customer(@Parent() p: VisitPlan) {
    return { id: p.customerId };
  }
}

@Resolver(() => UnderServedCustomer)
export class UnderServedResolver {
  constructor(private readonly list: UnderServedList) {}

  @Query(() => UnderServedPage, { description: 'V-2: under-served customers; the resource director reassigns them with transferCustomer' })
  @Roles(...UNDER_SERVED_ROLES)
  underServedCustomers(
    @CurrentPrincipal() caller: Principal,
    @Args('departmentId', { type: () => ID, nullable: true }) departmentId?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('cursor', { type: () => String, nullable: true }) cursor?: string,
  ): Promise<UnderServedPage> {
    return this.list.list(caller, departmentId, { limit: pageSize(limit), cursor });
  }

  @ResolveField()
  customer(@Parent() u: UnderServedCustomer) {
    return { id: u.customerId };
  }
}
