import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { Page } from '@crm/database';
import { ComplaintActionView, ComplaintView, ComplaintWithFinesView } from './complaint.view';
import { ComplaintsQueryDto, FileComplaintDto, RecordComplaintActionDto, ReopenComplaintDto, ResolveComplaintDto } from './complaints.dto';
import { ComplaintsPolicy } from './complaints.policy';
import { ComplaintsService } from './complaints.service';

/** Who may file, see and handle which complaint is decided in ComplaintsService (rules/visibility.ts). */
@ApiTags('complaints')
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Allow(ComplaintsPolicy.file)
  @ApiOperation({ summary: 'File a complaint (C-1); DISCOVERED fines the employee (C-2), TO_GENERAL_MANAGER the employee and the head of the department owning the customer (C-3)' })
  @ApiCreatedResponse({ type: ComplaintView })
  @ApiProblems(422)
  fileComplaint(@CurrentPrincipal() caller: Principal, @Body() dto: FileComplaintDto): Promise<ComplaintView> {
    return this.complaints.file(caller, dto);
  }

  @Get()
  @Allow(ComplaintsPolicy.list)
  @ApiOperation({ summary: 'Complaints the caller may see, in filing order' })
  @ApiPageResponse(ComplaintView)
  listComplaints(@CurrentPrincipal() caller: Principal, @Query() query: ComplaintsQueryDto): Promise<Page<ComplaintView>> {
    const { limit, cursor, ...filter } = query;
    return this.complaints.list(caller, filter, { limit, cursor });
  }

  @Get(':id')
  @Allow(ComplaintsPolicy.get)
  @ApiOperation({ summary: 'A complaint, with the fines it imposed' })
  @ApiOkResponse({ type: ComplaintWithFinesView })
  @ApiProblems(404)
  getComplaint(@CurrentPrincipal() caller: Principal, @Param('id') id: string): Promise<ComplaintWithFinesView> {
    return this.complaints.get(caller, id);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @Allow(ComplaintsPolicy.resolve)
  @ApiOperation({
    summary: 'Resolve a complaint with a note of what was done (C-5): OPEN → RESOLVED; never by the employee it names (403 SELF_RESOLUTION_FORBIDDEN)',
  })
  @ApiOkResponse({ type: ComplaintView })
  @ApiProblems(404, 409)
  resolveComplaint(@CurrentPrincipal() caller: Principal, @Param('id') id: string, @Body() dto: ResolveComplaintDto): Promise<ComplaintView> {
    return this.complaints.resolve(caller, id, dto.note);
  }

  @Post(':id/actions')
  @Allow(ComplaintsPolicy.recordAction)
  @ApiOperation({ summary: 'Record what was done about a complaint (C-5), the employee it names included; it resolves nothing' })
  @ApiCreatedResponse({ type: ComplaintActionView })
  @ApiProblems(404, 409)
  recordComplaintAction(@CurrentPrincipal() caller: Principal, @Param('id') id: string, @Body() dto: RecordComplaintActionDto): Promise<ComplaintActionView> {
    return this.complaints.recordAction(caller, id, dto.note);
  }

  @Post(':id/reopening')
  @HttpCode(200)
  @Allow(ComplaintsPolicy.reopen)
  @ApiOperation({ summary: 'Reopen a resolved complaint, once; the original due time stays (C-4)' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiProblems(404, 409)
  reopenComplaint(@CurrentPrincipal() caller: Principal, @Param('id') id: string, @Body() dto: ReopenComplaintDto): Promise<ComplaintView> {
    return this.complaints.reopen(caller, id, dto.reason);
  }
}
