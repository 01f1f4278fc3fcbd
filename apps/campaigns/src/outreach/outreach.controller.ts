import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { RecordOutreachEventDto } from './outreach.dto';
import { OutreachPolicy } from './outreach.policy';
import { OutreachService } from './outreach.service';
import { OutreachEventView, outreachEventView } from './outreach.view';

@ApiTags('outreach-events')
@Controller('api/v1/outreach-events')
export class OutreachController {
  constructor(private readonly outreach: OutreachService) {}

  @Post()
  @Allow(OutreachPolicy.record)
  @ApiOperation({ summary: 'Record an outreach event and its participants (O-1); customers then allocates its archives among them' })
  @ApiCreatedResponse({ type: OutreachEventView })
  @ApiProblems(422)
  async recordOutreachEvent(@CurrentPrincipal() caller: Principal, @Body() dto: RecordOutreachEventDto): Promise<OutreachEventView> {
    return outreachEventView(await this.outreach.record(caller, dto));
  }

  @Get(':id')
  @Allow(OutreachPolicy.read)
  @ApiOperation({ summary: 'An outreach event' })
  @ApiOkResponse({ type: OutreachEventView })
  @ApiProblems(404)
  async getOutreachEvent(@Param('id', ParseUUIDPipe) id: string): Promise<OutreachEventView> {
    return outreachEventView(await this.outreach.get(id));
  }
}
