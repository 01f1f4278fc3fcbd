import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { archiveBatchInput, SubmitArchiveBatchDto } from './archives.dto';
import { ArchivesService } from './archives.service';

@ApiTags('archives')
@Controller('api/v1/archive-batches')
export class ArchivesController {
  constructor(private readonly archives: ArchivesService) {}

  @Post()
  @Roles(Role.CRM_CLERK, Role.ADMIN)
  @ApiOperation({ summary: 'Enter the archives of an outreach event (O-2, O-3): JSON records or a CSV file' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: SubmitArchiveBatchDto })
  @ApiQuery({ name: 'outreachEventId', required: false, description: 'Required with a text/csv body' })
  submit(@CurrentPrincipal() viewer: Principal, @Body() body: unknown, @Query('outreachEventId') outreachEventId?: string) {
    return this.archives.submit(viewer, archiveBatchInput(body, outreachEventId));
  }

  @Get(':id')
  @ApiOperation({ summary: 'The report of a batch and its allocation, open to inspection (O-4, 公开)' })
  get(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.archives.get(viewer, id);
  }

  @Post(':id/allocation')
  @Roles(Role.DEPARTMENT_HEAD, Role.ADMIN)
  @ApiOperation({ summary: 'Allocate the new customers of a batch evenly among the event participants (O-4)' })
  allocate(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.archives.allocate(viewer, id);
  }
}
