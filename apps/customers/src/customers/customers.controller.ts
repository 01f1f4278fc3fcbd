import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { CustomerQueryDto, RegisterCustomerDto, TransferCustomerDto, UpdateCustomerDto } from './customer.dto';
import { CustomerHistoryView, historyEntryView, CustomerView } from './customer.view';
import { CustomersPolicy } from './customers.policy';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller('api/v1/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post()
  @Allow(CustomersPolicy.register)
  @ApiCreatedResponse({ type: CustomerView })
  @ApiProblems(409, 422)
  registerCustomer(@CurrentPrincipal() viewer: Principal, @Body() dto: RegisterCustomerDto): Promise<CustomerView> {
    return this.customers.register(viewer, dto);
  }

  @Get()
  @Allow(CustomersPolicy.read)
  @ApiPageResponse(CustomerView)
  listCustomers(@CurrentPrincipal() viewer: Principal, @Query() query: CustomerQueryDto): Promise<Page<CustomerView>> {
    return this.customers.list(viewer, query, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get(':id')
  @Allow(CustomersPolicy.read)
  @ApiOkResponse({ type: CustomerView })
  @ApiProblems(404)
  getCustomer(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerView> {
    return this.customers.get(viewer, id);
  }

  @Patch(':id')
  @Allow(CustomersPolicy.update)
  @ApiOkResponse({ type: CustomerView })
  @ApiProblems(404, 409)
  updateCustomer(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCustomerDto): Promise<CustomerView> {
    return this.customers.update(viewer, id, dto);
  }

  @Post(':id/transfer')
  @Allow(CustomersPolicy.transfer)
  @ApiCreatedResponse({ type: CustomerView })
  @ApiProblems(404, 409, 422)
  transferCustomer(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferCustomerDto): Promise<CustomerView> {
    return this.customers.transferByDirector(viewer, id, dto);
  }

  @Get(':id/history')
  @Allow(CustomersPolicy.read)
  @ApiOkResponse({ type: CustomerHistoryView })
  @ApiProblems(404)
  async getCustomerHistory(@Param('id', ParseUUIDPipe) id: string): Promise<CustomerHistoryView> {
    return { items: (await this.customers.historyOf(id)).map(historyEntryView) };
  }
}
