import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@crm/auth';
import { FinesQueryDto, FineTotalsQueryDto } from './fines.dto';
import { FinesService } from './fines.service';

/** Staff only: who sees which fines is decided in FinesService (visibleFines). */
@ApiTags('fines')
@Controller('api/v1/fines')
export class FinesController {
  constructor(private readonly fines: FinesService) {}

  @Get()
  @ApiOperation({ summary: 'Staff fines (R-4), newest first: your own, your department\'s as its head, all for the general manager and admins' })
  list(@CurrentPrincipal() caller: Principal, @Query() query: FinesQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.fines.list(caller, filter, { limit, cursor });
  }

  @Get('totals')
  @ApiOperation({ summary: 'Fine totals per month (BUSINESS_TZ) of an employee or a department' })
  totals(@CurrentPrincipal() caller: Principal, @Query() query: FineTotalsQueryDto) {
    return this.fines.totals(caller, query);
  }
}
