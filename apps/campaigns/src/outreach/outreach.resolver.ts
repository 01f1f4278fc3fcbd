import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { RecordOutreachEventDto } from './outreach.dto';
import { OutreachEvent } from './outreach.models';
import { OutreachPolicy } from './outreach.policy';
import { OutreachService } from './outreach.service';
import { outreachEventView } from './outreach.view';

/** O-1 in GraphQL: the same service calls and policy actions as OutreachController. */
@Resolver(() => OutreachEvent)
export class OutreachEventResolver {
  constructor(private readonly outreach: OutreachService) {}

  @Mutation(() => OutreachEvent, { description: 'O-1: record an outreach event and its participants; customers then allocates its archives among them' })
  @Allow(OutreachPolicy.record)
  async recordOutreachEvent(@CurrentPrincipal() caller: Principal, @Args('input', { description: 'The event' }) input: RecordOutreachEventDto) {
    return outreachEventView(await this.outreach.record(caller, input));
  }

  @Query(() => OutreachEvent, { description: 'An outreach event (O-1)' })
  @Allow(OutreachPolicy.read)
  async outreachEvent(@Args('id', { type: () => ID, description: 'The outreach event' }, new ParseUUIDPipe()) id: string) {
    return outreachEventView(await this.outreach.get(id));
  }
}
