import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, DataRequestPolicy, Principal } from '@crm/auth';
import { PersonalDataPartView } from '@crm/service-kit';
import { PersonalDataService } from './personal-data.service';
import type { ServiceVisitsPersonalData } from './personal-data.view';

/** P-3: service-visits' section of a customer's export; the gateway calls it on this service's own URL (not routed). */
@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(DataRequestPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      'What service-visits holds about a customer (P-3 export): service records with notes and health readings decrypted (every opening audited, P-2), visit plans, surveys with comments, the service state; data null for a customer it never heard of. GENERAL_MANAGER and ADMIN only',
    description: "`{ serviceRecords, visitPlans, surveys, serviceState }`: every service record of the customer, oldest first, with its notes and its health readings DECRYPTED (each opening recorded in readings_reads and published as personal_data.read, P-2), every visit plan (V-3) by due time, every survey (V-4) with its comment, and the stage and V-2 state (null when none is kept); null when service-visits never heard of the customer",
  })
  @ApiOkResponse({ type: PersonalDataPartView })
  exportServiceVisitsData(
    @CurrentPrincipal() caller: Principal,
    @Param('customerId', ParseUUIDPipe) customerId: string,
  ): Promise<PersonalDataPartView<ServiceVisitsPersonalData>> {
    return this.personalData.export(caller, customerId);
  }
}
