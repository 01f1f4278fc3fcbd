import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { GrantConsentDto, StartPitchDto } from './pitches.dto';
import { PitchesService } from './pitches.service';

@ApiTags('pitches')
@Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD)
@Controller('api/v1')
export class PitchesController {
  constructor(private readonly pitches: PitchesService) {}

  @Post('meetings/:id/pitch-consents')
  @ApiOperation({ summary: "The invitation's holder lets the customer's follow-up employee help sell (J-10)" })
  consent(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: GrantConsentDto) {
    return this.pitches.consent(caller, meetingId, dto);
  }

  @Post('meetings/:id/pitches')
  @ApiOperation({ summary: 'Start presenting to a customer; refused while someone else is (J-10)' })
  start(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: StartPitchDto) {
    return this.pitches.start(caller, meetingId, dto);
  }

  @Post('pitches/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop presenting, so another employee may' })
  end(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.pitches.end(caller, id);
  }
}
