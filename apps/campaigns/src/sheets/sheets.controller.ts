import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import type { Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { SheetQueryDto, SubmitSheetDto } from './sheets.dto';
import { SheetsPolicy } from './sheets.policy';
import { SheetsService } from './sheets.service';
import { ReconciliationView, reconciliationView, SheetReceiptView, SheetView, sheetView } from './sheets.view';

@ApiTags('sheets')
@Controller('api/v1/meetings/:id')
export class SheetsController {
  constructor(private readonly sheets: SheetsService) {}

  @Post('sheets')
  @Allow(SheetsPolicy.submit)
  @ApiOperation({ summary: "Hand in a department's daily sheet of a joint meeting (J-3): on time it locks its customers at once (J-4)" })
  @ApiCreatedResponse({ type: SheetReceiptView })
  @ApiProblems(404, 409, 422)
  submitSheet(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: SubmitSheetDto): Promise<SheetReceiptView> {
    return this.sheets.submit(caller, meetingId, dto);
  }

  @Get('sheets')
  @Allow(SheetsPolicy.read)
  @ApiOperation({ summary: "The sheets handed in for a day (J-3), supplementary ones included: staff see their own department's" })
  @ApiPageResponse(SheetView)
  @ApiProblems(404)
  async listMeetingSheets(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Query() q: SheetQueryDto): Promise<Page<SheetView>> {
    const page = await this.sheets.list(caller, meetingId, q);
    return { ...page, items: page.items.map(sheetView) };
  }

  @Get('reconciliations')
  @Allow(SheetsPolicy.readReconciliations)
  @ApiQuery({ name: 'day', required: false, description: 'YYYY-MM-DD' })
  @ApiOperation({ summary: "The days' reconciliations (J-8): duplicates and how they were settled, late and missing sheets, fines" })
  @ApiPageResponse(ReconciliationView)
  @ApiProblems(404)
  async listReconciliations(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Query('day') day?: string): Promise<Page<ReconciliationView>> {
    const page = await this.sheets.reconciliations(caller, meetingId, day);
    return { ...page, items: page.items.map(reconciliationView) };
  }
}
