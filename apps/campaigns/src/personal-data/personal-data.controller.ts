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
      "campaigns' part of a customer's data export (P-3): everything campaigns holds about them; data null for a customer campaigns never heard of. General manager and admins only; the gateway assembles GET /api/v1/customers/{id}/export from every service's part",
    description: "Everything campaigns holds about the customer, as plain JSON (ids, amounts in fen, ISO 8601 instants, texts): ownership (the read model), underServed (the V-2 verdict), invitations, takeoverReports (V-2 reports filed for them), sheetMentions, sheetClaims, meetingLocks, speakerReservations, checkIns, sales, refunds, pitches, pitchConsents, disputes (naming them). Null when campaigns never heard of the customer.",
  })
  @ApiOkResponse({ type: PersonalDataPartView })
  async exportCampaignsData(@Param('customerId', ParseUUIDPipe) customerId: string): Promise<PersonalDataPartView<object>> {
    return personalDataPart('campaigns', customerId, await this.personalData.holdings(customerId));
  }
}
