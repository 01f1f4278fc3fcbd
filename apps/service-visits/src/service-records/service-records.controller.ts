import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScopes, Principal, Role, Roles } from '@crm/auth';
import { RecordServiceDto, ServiceRecordsQueryDto } from './service-records.dto';
import { ServiceRecordsService } from './service-records.service';

/** Staff who serve customers in person or by phone. */
export const SERVING_ROLES = [Role.EMPLOYEE, Role.DEPARTMENT_HEAD];

@ApiTags('service-records')
@Controller('api/v1/service-records')
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsService) {}

  @Post()
  @Roles(...SERVING_ROLES)
  @ApiOperation({ summary: 'Record a service given to a customer (V-1); a home visit by the owning department serves them (V-2) and makes due return visits (V-3)' })
  record(@CurrentPrincipal() caller: Principal, @Body() dto: RecordServiceDto) {
    return this.records.record(caller, dto);
  }

  @Get()
  @PartnerScopes('service-visits:read')
  @ApiOperation({ summary: "A customer's service records, oldest first; readings only for the owner and their head, every read audited (P-1, P-2)" })
  list(@CurrentPrincipal() caller: Principal, @Query() query: ServiceRecordsQueryDto) {
    return this.records.list(caller, query.customerId, { limit: query.limit, cursor: query.cursor });
  }
}
