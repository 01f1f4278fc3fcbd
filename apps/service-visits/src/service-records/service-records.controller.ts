import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { RecordServiceDto, ServiceRecordsQueryDto } from './service-records.dto';
import { ServiceRecordsPolicy } from './service-records.policy';
import { ServiceRecordsService } from './service-records.service';
import { RecordedServiceView, ServiceRecordView } from './service-records.view';

@ApiTags('service-records')
@Controller('api/v1/service-records')
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsService) {}

  @Post()
  @Allow(ServiceRecordsPolicy.record)
  @ApiOperation({
    summary: "Record a service given to a customer (V-1), by the customer's owner or the head of the owning department (403 CUSTOMER_NOT_IN_DEPARTMENT otherwise, P-1); a home visit serves them (V-2) and makes due return visits (V-3)",
  })
  @ApiCreatedResponse({ type: RecordedServiceView })
  @ApiProblems(422)
  recordService(@CurrentPrincipal() caller: Principal, @Body() dto: RecordServiceDto) {
    return this.records.record(caller, dto);
  }

  @Get()
  @Allow(ServiceRecordsPolicy.list)
  @ApiOperation({ summary: "A customer's service records, oldest first; readings only for the owner and their head, every read audited (P-1, P-2); notes hidden from other departments (P-1)" })
  @ApiPageResponse(ServiceRecordView)
  listServiceRecords(@CurrentPrincipal() caller: Principal, @Query() query: ServiceRecordsQueryDto) {
    return this.records.list(caller, query.customerId, { limit: query.limit, cursor: query.cursor });
  }
}
