import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@crm/auth';
import { PersonalDataPolicy } from './personal-data.policy';
import { PersonalDataService } from './personal-data.service';
import { ComplaintsPersonalDataView } from './personal-data.view';

/** P-3: complaints' section of a customer's export; the gateway calls it on this service's own URL (not routed). */
@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(PersonalDataPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      'What complaints holds about a customer (P-3 export): every complaint about them with its texts, actions and fines; data null for a customer it never heard of. GENERAL_MANAGER and ADMIN only',
  })
  @ApiOkResponse({ type: ComplaintsPersonalDataView })
  exportComplaintsData(
    @Param('customerId', ParseUUIDPipe) customerId: string,
  ): Promise<ComplaintsPersonalDataView> {
    return this.personalData.export(customerId);
  }
}
