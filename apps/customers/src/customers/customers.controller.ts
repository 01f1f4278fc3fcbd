import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScopes, Principal, Role, Roles } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { HistoryService, historyView } from '../history/history.service';
import { CustomerQueryDto, RegisterCustomerDto, TransferCustomerDto, UpdateCustomerDto } from './customer.dto';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller('api/v1/customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly history: HistoryService,
  ) {}

  @Post()
  @PartnerScopes('customers:write')
  register(@CurrentPrincipal() viewer: Principal, @Body() dto: RegisterCustomerDto) {
    return this.customers.register(viewer, dto);
  }

  @Get()
  @PartnerScopes('customers:read')
  list(@CurrentPrincipal() viewer: Principal, @Query() query: CustomerQueryDto) {
    return this.customers.list(viewer, query, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get(':id')
  @PartnerScopes('customers:read')
  get(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.customers.get(viewer, id);
  }

  @Patch(':id')
  @PartnerScopes('customers:write')
  update(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCustomerDto) {
    return this.customers.update(viewer, id, dto);
  }

  @Post(':id/transfer')
  @Roles(Role.RESOURCE_DIRECTOR)
  transfer(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferCustomerDto) {
    return this.customers.transferByDirector(viewer, id, dto);
  }

  @Get(':id/history')
  @PartnerScopes('customers:read')
  async historyOf(@Param('id', ParseUUIDPipe) id: string) {
    await this.customers.entity(id);
    const items = await this.history.list(id);
    return { items: items.map(historyView) };
  }
}
