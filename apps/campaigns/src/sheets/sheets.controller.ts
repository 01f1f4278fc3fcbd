import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { SubmitSheetDto } from './sheets.dto';
import { SheetsService } from './sheets.service';

@ApiTags('sheets')
@Controller('api/v1/meetings/:id')
export class SheetsController {
  constructor(private readonly sheets: SheetsService) {}

  @Post('sheets')
  @Roles(Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
  @ApiOperation({ summary: "Hand in a department's daily sheet of a joint meeting (J-3): on time it locks its customers at once (J-4)" })
  submit(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: SubmitSheetDto) {
    return this.sheets.submit(caller, meetingId, dto);
  }

  @Get('reconciliations')
  @Roles(Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiQuery({ name: 'day', required: false, description: 'YYYY-MM-DD' })
  @ApiOperation({ summary: "The days' reconciliations (J-8): duplicates and how they were settled, late and missing sheets, fines" })
  reconciliations(@Param('id', ParseUUIDPipe) meetingId: string, @Query('day') day?: string) {
    return this.sheets.reconciliations(meetingId, day);
  }
}
