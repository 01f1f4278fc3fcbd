import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { DeclineTakeoverDto, TakeoverReportQueryDto } from './takeovers.dto';
import { TakeoversPolicy } from './takeovers.policy';
import { TakeoversService } from './takeovers.service';
import { takeoverReportView, TakeoverReportView } from './takeovers.view';

@ApiTags('takeover-reports')
@Controller('api/v1/takeover-reports')
export class TakeoversController {
  constructor(private readonly takeovers: TakeoversService) {}

  @Get()
  @Allow(TakeoversPolicy.list)
  @ApiOperation({ summary: 'Takeover reports (V-2), oldest first, optionally in one state' })
  @ApiPageResponse(TakeoverReportView)
  async listTakeoverReports(@Query() query: TakeoverReportQueryDto): Promise<Page<TakeoverReportView>> {
    const page = await this.takeovers.list(query.status, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    return { items: page.items.map(takeoverReportView), nextCursor: page.nextCursor };
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Allow(TakeoversPolicy.decide)
  @ApiOperation({ summary: 'Approve a takeover report: the customer moves to the reporting employee (V-2)' })
  @ApiOkResponse({ type: TakeoverReportView })
  @ApiProblems(404, 409, 422)
  async approveTakeoverReport(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TakeoverReportView> {
    return takeoverReportView(await this.takeovers.approve(viewer, id));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Allow(TakeoversPolicy.decide)
  @ApiOperation({ summary: 'Decline a takeover report: nothing moves (V-2)' })
  @ApiOkResponse({ type: TakeoverReportView })
  @ApiProblems(404, 409)
  async declineTakeoverReport(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeclineTakeoverDto): Promise<TakeoverReportView> {
    return takeoverReportView(await this.takeovers.decline(viewer, id, dto.reason));
  }
}
