import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { RecordOutreachEventDto } from './outreach.dto';
import { OutreachService } from './outreach.service';

@ApiTags('outreach-events')
@Controller('api/v1/outreach-events')
export class OutreachController {
  constructor(private readonly outreach: OutreachService) {}

  @Post()
  @Roles(Role.DEPARTMENT_HEAD, Role.CRM_CLERK, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Record an outreach event and its participants (O-1); customers then allocates its archives among them' })
  record(@CurrentPrincipal() caller: Principal, @Body() dto: RecordOutreachEventDto) {
    return this.outreach.record(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An outreach event' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.outreach.get(id);
  }
}
