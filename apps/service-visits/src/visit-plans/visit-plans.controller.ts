import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { staffScope } from '../access/visibility';
import { VisitPlansQueryDto } from './visit-plans.dto';
import { VisitPlansService } from './visit-plans.service';
import { visitPlanView } from './visit-plan.view';

@ApiTags('visit-plans')
@Controller('api/v1/visit-plans')
export class VisitPlansController {
  constructor(private readonly plans: VisitPlansService) {}

  @Get()
  @ApiOperation({ summary: "Return visits (V-3) by due time: an employee's own, a head's department's, anyone's for company-wide roles" })
  async list(@CurrentPrincipal() caller: Principal, @Query() q: VisitPlansQueryDto) {
    const scope = staffScope(caller, { employeeId: q.employeeId, departmentId: q.departmentId });
    const page = await this.plans.list({ ...scope, employeeId: q.employeeId ?? scope.employeeId, customerId: q.customerId, status: q.status }, { limit: q.limit ?? DEFAULT_PAGE_SIZE, cursor: q.cursor });
    return { items: page.items.map(visitPlanView), nextCursor: page.nextCursor };
  }
}
