import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { GrantConsentDto, StartPitchDto } from './pitches.dto';
import { PitchesPolicy } from './pitches.policy';
import { PitchesService } from './pitches.service';
import { PitchConsentView, pitchConsentView, PitchView, pitchView } from './pitches.view';

@ApiTags('pitches')
@Controller('api/v1')
export class PitchesController {
  constructor(private readonly pitches: PitchesService) {}

  @Post('meetings/:id/pitch-consents')
  @Allow(PitchesPolicy.grantConsent)
  @ApiOperation({ summary: "The invitation's holder lets the customer's follow-up employee help sell (J-10)" })
  @ApiCreatedResponse({ type: PitchConsentView })
  @ApiProblems(404, 422)
  async grantPitchConsent(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: GrantConsentDto): Promise<PitchConsentView> {
    return pitchConsentView(await this.pitches.consent(caller, meetingId, dto));
  }

  @Post('meetings/:id/pitches')
  @Allow(PitchesPolicy.start)
  @ApiOperation({ summary: 'Start presenting to a customer; refused while someone else is (J-10)' })
  @ApiCreatedResponse({ type: PitchView })
  @ApiProblems(404, 409, 422)
  async startPitch(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: StartPitchDto): Promise<PitchView> {
    return pitchView(await this.pitches.start(caller, meetingId, dto));
  }

  @Post('pitches/:id/end')
  @HttpCode(200)
  @Allow(PitchesPolicy.end)
  @ApiOperation({ summary: 'Stop presenting, so another employee may' })
  @ApiOkResponse({ type: PitchView })
  @ApiProblems(404)
  async endPitch(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PitchView> {
    return pitchView(await this.pitches.end(caller, id));
  }
}
