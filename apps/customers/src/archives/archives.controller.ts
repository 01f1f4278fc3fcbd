import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { AllocationService } from './allocation.service';
import { ArchiveReportsService } from './archive-reports.service';
import { archiveBatchInput, SubmitArchiveBatchDto } from './archives.dto';
import { ArchivesPolicy } from './archives.policy';
import { ArchivesService } from './archives.service';
import { AllocationView, ArchiveBatchReportView } from './archives.view';

@ApiTags('archives')
@Controller('api/v1/archive-batches')
export class ArchivesController {
  constructor(
    private readonly archives: ArchivesService,
    private readonly reports: ArchiveReportsService,
    private readonly allocation: AllocationService,
  ) {}

  @Post()
  @Allow(ArchivesPolicy.submit)
  @ApiOperation({ summary: 'Enter the archives of an outreach event (O-2, O-3): JSON records or a CSV file' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: SubmitArchiveBatchDto })
  @ApiQuery({ name: 'outreachEventId', required: false, description: 'Required with a text/csv body' })
  @ApiCreatedResponse({ type: ArchiveBatchReportView })
  @ApiProblems(404, 409, 422)
  importArchiveBatch(@CurrentPrincipal() viewer: Principal, @Body() body: unknown, @Query('outreachEventId') outreachEventId?: string): Promise<ArchiveBatchReportView> {
    return this.archives.submit(viewer, archiveBatchInput(body, outreachEventId));
  }

  @Get(':id')
  @Allow(ArchivesPolicy.read)
  @ApiOperation({ summary: 'The report of a batch and its allocation, open to inspection (O-4, 公开)' })
  @ApiOkResponse({ type: ArchiveBatchReportView })
  @ApiProblems(404)
  getArchiveBatch(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ArchiveBatchReportView> {
    return this.reports.get(viewer, id);
  }

  @Post(':id/allocation')
  @Allow(ArchivesPolicy.allocate)
  @ApiOperation({ summary: 'Allocate the new customers of a batch evenly among the event participants (O-4)' })
  @ApiCreatedResponse({ type: AllocationView })
  @ApiProblems(404, 409, 422)
  allocateArchiveBatch(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AllocationView> {
    return this.allocation.allocate(viewer, id);
  }
}
