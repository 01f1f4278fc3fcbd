import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@crm/auth';
import { PersonalDataPolicy } from './personal-data.policy';
import { PersonalDataService } from './personal-data.service';
import { CampaignsPersonalDataView, campaignsPersonalDataView } from './personal-data.view';

@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(PersonalDataPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      "campaigns' part of a customer's data export (P-3): everything campaigns holds about them; data null for a customer campaigns never heard of. General manager and admins only; the gateway assembles GET /api/v1/customers/{id}/export from every service's part",
  })
  @ApiOkResponse({ type: CampaignsPersonalDataView })
  async exportCampaignsData(@Param('customerId', ParseUUIDPipe) customerId: string): Promise<CampaignsPersonalDataView> {
    return campaignsPersonalDataView(customerId, await this.personalData.holdings(customerId));
  }
}
