import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiPageResponse } from '@crm/http';
import { FinesQueryDto, FineTotalsQueryDto } from './fines.dto';
import { FinesPolicy } from './fines.policy';
import { FinesService } from './fines.service';
import { FineTotalsView, FineView } from './fines.view';

/** Staff only: who sees which fines is decided in FinesService (visibleFines). */
@ApiTags('fines')
@Controller('api/v1/fines')
export class FinesController {
  constructor(private readonly fines: FinesService) {}

  @Get()
  @Allow(FinesPolicy.list)
  @ApiOperation({ summary: 'Staff fines (R-4), newest first: your own, your department\'s as its head, all for the general manager and admins' })
  @ApiPageResponse(FineView)
  listFines(@CurrentPrincipal() caller: Principal, @Query() query: FinesQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.fines.list(caller, filter, { limit, cursor });
  }

  @Get('totals')
  @Allow(FinesPolicy.totals)
  @ApiOperation({ summary: 'Fine totals per month (BUSINESS_TZ) of an employee or a department' })
  @ApiOkResponse({ type: FineTotalsView })
  getFineTotals(@CurrentPrincipal() caller: Principal, @Query() query: FineTotalsQueryDto) {
    return this.fines.totals(caller, query);
  }
}
