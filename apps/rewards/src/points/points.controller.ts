import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, EmployeePrincipal, PartnerScopes, Principal, Role, Roles } from '@crm/auth';
import { PROBLEM_CONTENT_TYPE } from '@crm/errors';
import { idempotencyKeyOf } from './idempotency';
import { CorrectionsService } from './corrections.service';
import { PageQueryDto } from '@crm/http';
import { CorrectEntryDto, RedeemPointsDto } from './points.dto';
import { PointsService } from './points.service';
import { RedemptionsService } from './redemptions.service';

/** Who may redeem for a customer (the CRM centre at the counter, heads, management) and partners with points:write. */
export const REDEEMING_ROLES = [Role.CRM_CLERK, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN];

@ApiTags('points')
@Controller('api/v1/points')
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly redemptions: RedemptionsService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Get(':customerId')
  @PartnerScopes('points:read')
  @ApiOperation({ summary: "A customer's points (R-3): balance, tier, lifetime and owed points, entries newest first" })
  statement(@Param('customerId', ParseUUIDPipe) customerId: string, @Query() query: PageQueryDto) {
    return this.points.statement(customerId, query);
  }

  @Post(':customerId/corrections')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Correct an R-1 bonus booked in error by a reversing CORRECTION entry (R-3), once per entry' })
  correct(@CurrentPrincipal() caller: EmployeePrincipal, @Param('customerId', ParseUUIDPipe) customerId: string, @Body() dto: CorrectEntryDto) {
    return this.corrections.correct(caller, customerId, dto.entryId);
  }

  @Post(':customerId/redemptions')
  @Roles(...REDEEMING_ROLES)
  @PartnerScopes('points:write')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One key per redemption: a retry with the same key gets the first answer' })
  @ApiOperation({ summary: 'Redeem points for a gift; 409 POINTS_INSUFFICIENT when the balance would go negative' })
  async redeem(
    @CurrentPrincipal() caller: Principal,
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: RedeemPointsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.redemptions.redeem(caller, customerId, idempotencyKeyOf(key), dto);
    reply.status(answer.status);
    if (answer.status >= 400) reply.header('content-type', PROBLEM_CONTENT_TYPE);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  }
}
