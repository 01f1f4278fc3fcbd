import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, type Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { RecordSaleDto, RefundSaleDto, SaleQueryDto } from './sales.dto';
import { SalesPolicy } from './sales.policy';
import { SalesService } from './sales.service';
import { RefundView, refundView, SaleView, saleView } from './sales.view';

@ApiTags('sales')
@Controller('api/v1')
export class SalesController {
  constructor(private readonly sales: SalesService) {}

  @Post('meetings/:id/sales')
  @Allow(SalesPolicy.record)
  @ApiOperation({ summary: "Record a sale at a meeting (J-10): credited to the holder of the customer's invitation" })
  @ApiCreatedResponse({ type: SaleView })
  @ApiProblems(404, 422)
  async recordSale(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: RecordSaleDto): Promise<SaleView> {
    return saleView(await this.sales.record(caller, meetingId, dto));
  }

  @Get('meetings/:id/sales')
  @Allow(SalesPolicy.read)
  @ApiOperation({ summary: "A meeting's sales in the order sold; staff of a department see those credited to it" })
  @ApiPageResponse(SaleView)
  @ApiProblems(404)
  async listMeetingSales(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Query() q: SaleQueryDto): Promise<Page<SaleView>> {
    const page = await this.sales.list(caller, meetingId, q, q.limit ?? DEFAULT_PAGE_SIZE);
    return { ...page, items: page.items.map(saleView) };
  }

  @Post('sales/:id/refunds')
  @Allow(SalesPolicy.refund)
  @ApiOperation({ summary: 'Refund all or part of a sale' })
  @ApiCreatedResponse({ type: RefundView })
  @ApiProblems(404, 422)
  async refundSale(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) saleId: string, @Body() dto: RefundSaleDto): Promise<RefundView> {
    return refundView(await this.sales.refund(caller, saleId, dto));
  }

  @Get('sales/:id')
  @Allow(SalesPolicy.read)
  @ApiOperation({ summary: 'A sale and what was refunded of it; staff of a department see those credited to it' })
  @ApiOkResponse({ type: SaleView })
  @ApiProblems(404)
  async getSale(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<SaleView> {
    return saleView(await this.sales.get(caller, id));
  }
}
