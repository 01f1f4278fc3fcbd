import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentPrincipal, EmployeePrincipal, Principal } from '@crm/auth';
import { PROBLEM_CONTENT_TYPE } from '@crm/errors';
import { ApiProblems, NoIdempotencyKey, PageQueryDto } from '@crm/http';
import { CorrectionsService } from './corrections.service';
import { idempotencyKeyOf } from './idempotency';
import { CorrectEntryDto, RedeemPointsDto } from './points.dto';
import { PointsPolicy } from './points.policy';
import { PointsService } from './points.service';
import { CorrectionView, PointsStatementView, RedemptionView } from './points.view';
import { RedemptionsService } from './redemptions.service';

@ApiTags('points')
@Controller('api/v1/points')
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly redemptions: RedemptionsService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Get(':customerId')
  @Allow(PointsPolicy.read)
  @ApiOperation({ summary: "A customer's points (R-3): balance, tier, lifetime and owed points, entries newest first; department staff see only their department's customers (the owner and the owning head, P-1), 404 otherwise" })
  @ApiOkResponse({ type: PointsStatementView })
  @ApiProblems(404)
  getPoints(@CurrentPrincipal() caller: Principal, @Param('customerId', ParseUUIDPipe) customerId: string, @Query() query: PageQueryDto) {
    return this.points.statement(caller, customerId, query);
  }

  @Post(':customerId/corrections')
  @Allow(PointsPolicy.correct)
  @ApiOperation({ summary: 'Correct an R-1 bonus booked in error by a reversing CORRECTION entry (R-3), once per entry' })
  @ApiCreatedResponse({ type: CorrectionView })
  @ApiProblems(404, 409, 422)
  correctPointsEntry(@CurrentPrincipal() caller: EmployeePrincipal, @Param('customerId', ParseUUIDPipe) customerId: string, @Body() dto: CorrectEntryDto) {
    return this.corrections.correct(caller, customerId, dto.entryId);
  }

  @Post(':customerId/redemptions')
  @Allow(PointsPolicy.redeem)
  @NoIdempotencyKey('Redemptions keep their own keys, required, stored in the transaction that decides them (redemptions.service.ts)')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One key per redemption: a retry with the same key gets the first answer (400 IDEMPOTENCY_KEY_REQUIRED without one)' })
  @ApiOperation({ summary: "Redeem points for a gift; a department head only for the department's own customers (404 otherwise, P-1); 409 POINTS_INSUFFICIENT when the balance would go negative, 422 IDEMPOTENCY_KEY_REUSED for a key of another request" })
  @ApiCreatedResponse({ type: RedemptionView, description: 'The redemption; a replay of the same request carries Idempotent-Replayed: true' })
  @ApiProblems(404, 409, 422)
  async redeemPoints(
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
