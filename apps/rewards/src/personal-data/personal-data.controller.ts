import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, DataRequestPolicy } from '@crm/auth';
import { PersonalDataPartView, personalDataPart } from '@crm/service-kit';
import { PersonalDataService } from './personal-data.service';

@ApiTags('personal-data')
@Controller('api/v1/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':customerId')
  @Allow(DataRequestPolicy.exportPersonalData)
  @ApiOperation({
    summary:
      "rewards' part of a customer's data export (P-3): everything rewards holds about them; data null for a customer rewards never heard of. General manager and admins only; the gateway assembles GET /api/v1/customers/{id}/export from every service's part",
    description: "Everything rewards holds about the customer, as plain JSON (ids, points, amounts in fen, ISO 8601 instants, texts): knownCustomer (registration and referrer), ownership (the read model), account (balance, lifetime and owed points), entries (the points ledger, oldest first), corrections, redemptions (each request with its stored answer), referralBonuses, referralSales, referralRefunds and referralSpends (as the referred customer or the referrer). Null when rewards never heard of the customer. Fines are staff fines and concern no customer.",
  })
  @ApiOkResponse({ type: PersonalDataPartView })
  async exportRewardsData(@Param('customerId', ParseUUIDPipe) customerId: string): Promise<PersonalDataPartView<object>> {
    return personalDataPart('rewards', customerId, await this.personalData.holdings(customerId));
  }
}
