import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { RecordSaleDto, RefundSaleDto, SaleQueryDto } from './sales.dto';
import { SalesService } from './sales.service';

@ApiTags('sales')
@Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
@Controller('api/v1')
export class SalesController {
  constructor(private readonly sales: SalesService) {}

  @Post('meetings/:id/sales')
  @ApiOperation({ summary: "Record a sale at a meeting (J-10): credited to the holder of the customer's invitation" })
  record(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: RecordSaleDto) {
    return this.sales.record(caller, meetingId, dto);
  }

  @Get('meetings/:id/sales')
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: "A meeting's sales in the order sold; staff of a department see those credited to it" })
  list(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Query() q: SaleQueryDto) {
    return this.sales.list(caller, meetingId, q, q.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Post('sales/:id/refunds')
  @ApiOperation({ summary: 'Refund all or part of a sale' })
  refund(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) saleId: string, @Body() dto: RefundSaleDto) {
    return this.sales.refund(caller, saleId, dto);
  }

  @Get('sales/:id')
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'A sale and what was refunded of it; staff of a department see those credited to it' })
  get(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.sales.get(caller, id);
  }
}
