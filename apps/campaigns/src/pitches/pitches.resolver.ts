import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { GrantConsentDto, StartPitchDto } from './pitches.dto';
import { Pitch, PitchConsent } from './pitches.models';
import { PitchesPolicy } from './pitches.policy';
import { PitchesService } from './pitches.service';
import { pitchConsentView, pitchView } from './pitches.view';

/** J-10 in GraphQL: the same service calls and policy actions as PitchesController. */
@Resolver(() => Pitch)
export class PitchResolver {
  constructor(private readonly pitches: PitchesService) {}

  @Mutation(() => PitchConsent, { description: "J-10: the invitation's holder lets the customer's follow-up employee help sell" })
  @Allow(PitchesPolicy.grantConsent)
  async grantPitchConsent(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }, new ParseUUIDPipe()) meetingId: string,
    @Args('input', { description: 'The customer and the follow-up employee' }) input: GrantConsentDto,
  ) {
    return pitchConsentView(await this.pitches.consent(caller, meetingId, input));
  }

  @Mutation(() => Pitch, { description: 'J-10: start presenting to a customer; refused while someone else is' })
  @Allow(PitchesPolicy.start)
  async startPitch(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }, new ParseUUIDPipe()) meetingId: string,
    @Args('input', { description: 'The customer presented to' }) input: StartPitchDto,
  ) {
    return pitchView(await this.pitches.start(caller, meetingId, input));
  }

  @Mutation(() => Pitch, { description: 'J-10: stop presenting, so another employee may' })
  @Allow(PitchesPolicy.end)
  async endPitch(@CurrentPrincipal() caller: Principal, @Args('id', { type: () => ID, description: 'The pitch' }, new ParseUUIDPipe()) id: string) {
    return pitchView(await this.pitches.end(caller, id));
  }
}
