import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { RecordDisputeDto, RuleDisputeDto } from './disputes.dto';
import { Dispute } from './disputes.models';
import { DisputesPolicy } from './disputes.policy';
import { DisputesService } from './disputes.service';
import { disputeView } from './disputes.view';

/** J-11 in GraphQL: the same service calls and policy actions as DisputesController. */
@Resolver(() => Dispute)
export class DisputeResolver {
  constructor(private readonly disputes: DisputesService) {}

  @Mutation(() => Dispute, { description: 'J-11: record a dispute between departments at a meeting; arguing in front of customers fines each party' })
  @Allow(DisputesPolicy.raise)
  async raiseDispute(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting it arose at' }, new ParseUUIDPipe()) meetingId: string,
    @Args('input', { description: 'The parties, the customer and what happened' }) input: RecordDisputeDto,
  ) {
    return disputeView(await this.disputes.record(caller, meetingId, input));
  }

  @Mutation(() => Dispute, {
    description: "J-11: rule a dispute after the meeting (coordinator with both heads), or escalate it to the general manager; a RULED award moves the customer's lock and sales credit at the meeting",
  })
  @Allow(DisputesPolicy.rule)
  async ruleOnDispute(
    @CurrentPrincipal() caller: Principal,
    @Args('id', { type: () => ID, description: 'The dispute' }, new ParseUUIDPipe()) id: string,
    @Args('input', { description: 'The ruling' }) input: RuleDisputeDto,
  ) {
    return disputeView(await this.disputes.rule(caller, id, input));
  }

  @Query(() => Dispute, { description: 'A dispute and its ruling (J-11)' })
  @Allow(DisputesPolicy.read)
  async dispute(@CurrentPrincipal() caller: Principal, @Args('id', { type: () => ID, description: 'The dispute' }, new ParseUUIDPipe()) id: string) {
    return disputeView(await this.disputes.get(caller, id));
  }
}
