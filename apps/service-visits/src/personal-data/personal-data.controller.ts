import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { PersonalDataPolicy } from './personal-data.policy';
import { PersonalDataService } from './personal-data.service';
import { ServiceVisitsPersonalDataView } from './personal-data.view';

/** P-3: service-visits' section of a customer's export; the gateway calls it on this service's own URL (not routed). */
@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(PersonalDataPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      'What service-visits holds about a customer (P-3 export): service records with notes and health readings decrypted (every opening audited, P-2), visit plans, surveys with comments, the service state; data null for a customer it never heard of. GENERAL_MANAGER and ADMIN only',
  })
  @ApiOkResponse({ type: ServiceVisitsPersonalDataView })
  exportServiceVisitsData(
    @CurrentPrincipal() caller: Principal,
    @Param('customerId', ParseUUIDPipe) customerId: string,
  ): Promise<ServiceVisitsPersonalDataView> {
    return this.personalData.export(caller, customerId);
  }
}
