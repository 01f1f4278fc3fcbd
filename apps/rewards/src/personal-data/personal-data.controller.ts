import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@crm/auth';
import { PersonalDataPolicy } from './personal-data.policy';
import { PersonalDataService } from './personal-data.service';
import { RewardsPersonalDataView, rewardsPersonalDataView } from './personal-data.view';

@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(PersonalDataPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      "rewards' part of a customer's data export (P-3): everything rewards holds about them; data null for a customer rewards never heard of. General manager and admins only; the gateway assembles GET /api/v1/customers/{id}/export from every service's part",
  })
  @ApiOkResponse({ type: RewardsPersonalDataView })
  async exportRewardsData(@Param('customerId', ParseUUIDPipe) customerId: string): Promise<RewardsPersonalDataView> {
    return rewardsPersonalDataView(customerId, await this.personalData.holdings(customerId));
  }
}
