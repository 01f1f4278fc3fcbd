import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiPageResponse } from '@crm/http';
import { VisitPlansQueryDto } from './visit-plans.dto';
import { VisitPlansPolicy } from './visit-plans.policy';
import { VisitPlansService } from './visit-plans.service';
import { visitPlanView, VisitPlanView } from './visit-plans.view';

@ApiTags('visit-plans')
@Controller('api/v1/visit-plans')
export class VisitPlansController {
  constructor(private readonly plans: VisitPlansService) {}

  @Get()
  @Allow(VisitPlansPolicy.list)
  @ApiOperation({ summary: "Return visits (V-3) by due time: an employee's own, a head's department's, anyone's for company-wide roles" })
  @ApiPageResponse(VisitPlanView)
  async listVisitPlans(@CurrentPrincipal() caller: Principal, @Query() q: VisitPlansQueryDto) {
    const page = await this.plans.list(caller, q);
    return { items: page.items.map(visitPlanView), nextCursor: page.nextCursor };
  }
}
