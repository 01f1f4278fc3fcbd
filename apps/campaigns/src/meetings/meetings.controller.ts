import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, type Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { CreateMeetingDto, MeetingQueryDto } from './meetings.dto';
import { MeetingsPolicy } from './meetings.policy';
import { MeetingsService } from './meetings.service';
import { MeetingView, meetingView } from './meetings.view';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Allow(MeetingsPolicy.schedule)
  @ApiOperation({ summary: 'Plan a meeting (J-1); the order of departmentIds is the department order of J-3' })
  @ApiCreatedResponse({ type: MeetingView })
  @ApiProblems(422)
  async scheduleMeeting(@CurrentPrincipal() caller: Principal, @Body() dto: CreateMeetingDto): Promise<MeetingView> {
    return meetingView(await this.meetings.create(caller, dto));
  }

  @Get()
  @Allow(MeetingsPolicy.read)
  @ApiOperation({ summary: 'Meetings in date order' })
  @ApiPageResponse(MeetingView)
  async listMeetings(@Query() q: MeetingQueryDto): Promise<Page<MeetingView>> {
    const page = await this.meetings.list({ from: q.from, departmentId: q.departmentId }, q.limit ?? DEFAULT_PAGE_SIZE, q.cursor);
    return { ...page, items: page.items.map(meetingView) };
  }

  @Get(':id')
  @Allow(MeetingsPolicy.read)
  @ApiOperation({ summary: 'A meeting' })
  @ApiOkResponse({ type: MeetingView })
  @ApiProblems(404)
  async getMeeting(@Param('id', ParseUUIDPipe) id: string): Promise<MeetingView> {
    return meetingView(await this.meetings.get(id));
  }
}
