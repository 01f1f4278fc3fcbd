import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, DataRequestPolicy } from '@crm/auth';
import { PersonalDataPartView } from '@crm/service-kit';
import { PersonalDataService } from './personal-data.service';
import type { ComplaintsPersonalData } from './personal-data.view';

/** P-3: complaints' section of a customer's export; the gateway calls it on this service's own URL (not routed). */
@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(DataRequestPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      'What complaints holds about a customer (P-3 export): every complaint about them with its texts, actions and fines; data null for a customer it never heard of. GENERAL_MANAGER and ADMIN only',
    description: "`{ complaints: [...] }`: every complaint about the customer, oldest first, each as GET /api/v1/complaints/{id} answers it (description, resolution note, reopening reason, fines with their amounts, actions with their notes); null when complaints never heard of the customer",
  })
  @ApiOkResponse({ type: PersonalDataPartView })
  exportComplaintsData(
    @Param('customerId', ParseUUIDPipe) customerId: string,
  ): Promise<PersonalDataPartView<ComplaintsPersonalData>> {
    return this.personalData.export(customerId);
  }
}
