import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { RecordDisputeDto, RuleDisputeDto } from './disputes.dto';
import { DisputesService } from './disputes.service';

@ApiTags('disputes')
@Controller('api/v1')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Post('meetings/:id/disputes')
  @Roles(Role.COORDINATOR, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Record a dispute between departments (J-11); arguing in front of customers fines each party' })
  record(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: RecordDisputeDto) {
    return this.disputes.record(caller, meetingId, dto);
  }

  @Post('disputes/:id/ruling')
  @HttpCode(200)
  @Roles(Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Rule a dispute after the meeting (coordinator with both heads), or escalate it to the general manager' })
  rule(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RuleDisputeDto) {
    return this.disputes.rule(caller, id, dto);
  }

  @Get('disputes/:id')
  @Roles(Role.COORDINATOR, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'A dispute and its ruling' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.disputes.get(id);
  }
}
