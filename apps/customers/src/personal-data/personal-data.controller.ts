import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, DataRequestPolicy, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { EraseCustomerDto } from './personal-data.dto';
import { PersonalDataService } from './personal-data.service';
import { ErasureView, PersonalDataView } from './personal-data.view';

/**
 * P-3. `GET /personal-data/{customerId}` is this service's section of the export the gateway assembles
 * (`GET /customers/{id}/export`; the gateway calls it on customers' own URL). Erasure is customers' command.
 */
@ApiTags('personal-data')
@Controller('api/v1')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('personal-data/:customerId')
  @Allow(DataRequestPolicy.exportPersonalData)
  @ApiOkResponse({ type: PersonalDataView })
  @ApiProblems(404)
  exportCustomersData(@CurrentPrincipal() viewer: Principal, @Param('customerId', ParseUUIDPipe) customerId: string): Promise<PersonalDataView> {
    return this.personalData.export(viewer, customerId);
  }

  @Post('customers/:id/erasure')
  @HttpCode(202)
  @Allow(DataRequestPolicy.eraseCustomer)
  @ApiAcceptedResponse({ type: ErasureView })
  @ApiProblems(404, 409)
  eraseCustomer(@CurrentPrincipal() viewer: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EraseCustomerDto): Promise<ErasureView> {
    return this.personalData.erase(viewer, id, dto.reason);
  }
}
