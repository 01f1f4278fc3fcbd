import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { encodeCursor } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { Fine, FineConnection, FineTotals } from './fines.models';
import { FinesPolicy } from './fines.policy';
import { FinesService } from './fines.service';
import { fineView } from './fines.view';
import { AFTER_ARG, FIRST_ARG, pageSize, toConnection, UuidFilterPipe } from '@crm/http';

const EMPLOYEE_ARG = { type: () => ID, nullable: true, description: "The employee's fines" } as const;
const DEPARTMENT_ARG = { type: () => ID, nullable: true, description: "The department's fines" } as const;

/** R-4 in GraphQL: the same service calls and policy actions as FinesController; who sees which fines is FinesService's. */
@Resolver(() => Fine)
export class FineResolver {
  constructor(private readonly service: FinesService) {}

  @Query(() => FineConnection, {
    description:
      "Staff fines (R-4), newest first, as GET /fines: your own, your department's as its head, all for the general manager and admins",
  })
  @Allow(FinesPolicy.list)
  async fines(
    @CurrentPrincipal() caller: Principal,
    @Args('employeeId', EMPLOYEE_ARG, new UuidFilterPipe('employeeId')) employeeId?: string,
    @Args('departmentId', DEPARTMENT_ARG, new UuidFilterPipe('departmentId')) departmentId?: string,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ) {
    const page = await this.service.entries(
      caller,
      { employeeId: employeeId ?? undefined, departmentId: departmentId ?? undefined },
      { limit: pageSize(first), cursor: after ?? undefined },
    );
    return toConnection(page, fineView, (f) => encodeCursor({ seq: f.seq }));
  }

  @Query(() => FineTotals, {
    description:
      'Fine totals per month (BUSINESS_TZ) of an employee or a department (R-4), as GET /fines/totals',
  })
  @Allow(FinesPolicy.totals)
  fineTotals(
    @CurrentPrincipal() caller: Principal,
    @Args(
      'employeeId',
      { ...EMPLOYEE_ARG, description: 'The employee totalled' },
      new UuidFilterPipe('employeeId'),
    )
    employeeId?: string,
    @Args(
      'departmentId',
      { ...DEPARTMENT_ARG, description: 'The department totalled' },
      new UuidFilterPipe('departmentId'),
    )
    departmentId?: string,
    @Args('from', {
      nullable: true,
      description: 'First business day of the period, YYYY-MM-DD (default: a year of months back)',
    })
    from?: string,
    @Args('to', {
      nullable: true,
      description: 'Last business day of the period, YYYY-MM-DD (default: today)',
    })
    to?: string,
  ) {
    // As REST's FineTotalsQueryDto (@Length(10, 10)): anything else is VALIDATION_FAILED before the service reads the period.
    for (const [field, value] of Object.entries({ from, to })) {
      if (value !== undefined && value !== null && value.length !== 10)
        throw CommonErrors.VALIDATION_FAILED(`${field} must be a date YYYY-MM-DD`, {
          errors: [{ field, reason: 'must be a date YYYY-MM-DD' }],
        });
    }
    return this.service.totals(caller, {
      employeeId: employeeId ?? undefined,
      departmentId: departmentId ?? undefined,
      from: from ?? undefined,
      to: to ?? undefined,
    });
  }
}
