import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScopes, Principal, Role, Roles } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { CreateMeetingDto, MeetingQueryDto } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Roles(Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Plan a meeting (J-1); the order of departmentIds is the department order of J-3' })
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateMeetingDto) {
    return this.meetings.create(caller, dto);
  }

  @Get()
  @PartnerScopes('campaigns:read')
  @ApiOperation({ summary: 'Meetings in date order' })
  list(@Query() q: MeetingQueryDto) {
    return this.meetings.list({ from: q.from, departmentId: q.departmentId }, q.limit ?? DEFAULT_PAGE_SIZE, q.cursor);
  }

  @Get(':id')
  @PartnerScopes('campaigns:read')
  @ApiOperation({ summary: 'A meeting' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.get(id);
  }
}
