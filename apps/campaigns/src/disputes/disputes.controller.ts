import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { RecordDisputeDto, RuleDisputeDto } from './disputes.dto';
import { DisputesPolicy } from './disputes.policy';
import { DisputesService } from './disputes.service';
import { DisputeView, disputeView } from './disputes.view';

@ApiTags('disputes')
@Controller('api/v1')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Post('meetings/:id/disputes')
  @Allow(DisputesPolicy.raise)
  @ApiOperation({ summary: 'Record a dispute between departments (J-11); arguing in front of customers fines each party' })
  @ApiCreatedResponse({ type: DisputeView })
  @ApiProblems(404, 422)
  async raiseDispute(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: RecordDisputeDto): Promise<DisputeView> {
    return disputeView(await this.disputes.record(caller, meetingId, dto));
  }

  @Post('disputes/:id/ruling')
  @HttpCode(200)
  @Allow(DisputesPolicy.rule)
  @ApiOperation({ summary: "Rule a dispute after the meeting (coordinator with both heads), or escalate it to the general manager; a RULED award moves the customer's lock and sales credit at the meeting (J-11)" })
  @ApiOkResponse({ type: DisputeView })
  @ApiProblems(404, 409, 422)
  async ruleOnDispute(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RuleDisputeDto): Promise<DisputeView> {
    return disputeView(await this.disputes.rule(caller, id, dto));
  }

  @Get('disputes/:id')
  @Allow(DisputesPolicy.read)
  @ApiOperation({ summary: 'A dispute and its ruling' })
  @ApiOkResponse({ type: DisputeView })
  @ApiProblems(404)
  async getDispute(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DisputeView> {
    return disputeView(await this.disputes.get(caller, id));
  }
}
