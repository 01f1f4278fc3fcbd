import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiPageResponse } from '@crm/http';
import { UnderServedQueryDto } from './adequacy.dto';
import { AdequacyPolicy } from './adequacy.policy';
import { AdequacyService } from './adequacy.service';
import { UnderServedView } from './adequacy.view';

@ApiTags('under-served')
@Controller('api/v1/under-served')
export class AdequacyController {
  constructor(private readonly adequacy: AdequacyService) {}

  @Get()
  @Allow(AdequacyPolicy.listUnderServed)
  @ApiOperation({ summary: 'Under-served customers (V-2), each with the link to reassign it through POST /api/v1/customers/{id}/transfer' })
  @ApiPageResponse(UnderServedView)
  listUnderServedCustomers(@CurrentPrincipal() caller: Principal, @Query() query: UnderServedQueryDto) {
    return this.adequacy.listUnderServed(caller, query.departmentId, { limit: query.limit, cursor: query.cursor });
  }
}
