import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, FieldCaller, Principal, RequestHeaders } from '@crm/auth';
import { inField } from '@crm/errors';
import { maySeeDepartmentRecord } from '../organisation/department-scope';
import { InvitationLoaders } from './invitations.loaders';
import { Customer, Invitation } from './invitations.models';
import { InvitationsPolicy } from './invitations.policy';
import { InvitationsService } from './invitations.service';
import { invitationView } from './invitations.view';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly loaders: InvitationLoaders,
  ) {}

  @Mutation(() => Invitation, { description: 'J-2: the caller invites a customer to a meeting' })
  @Allow(InvitationsPolicy.invite)
  async inviteCustomer(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('customerId', { type: () => ID }) customerId: string) {
    return invitationView(await this.invitations.invite(caller, meetingId, customerId));
  }

  @Mutation(() => Invitation, { description: 'J-2: the customer agreed to come (敲定)' })
  @Allow(InvitationsPolicy.confirm)
  async confirmInvitation(@CurrentPrincipal() caller: Principal, @Args('id', { type: () => ID }) id: string) {
    return invitationView(await this.invitations.confirm(caller, id));
  }

  @ResolveField()
  customer(@Parent() i: Invitation) {
    return { id: i.customerId };
  }

  @ResolveField()
  meeting(@Parent() i: Invitation, @Context() ctx: GqlContext) {
    return this.loaders.for(ctx.req).meeting.load(i.meetingId);
  }
}

@Resolver(() => Customer)
export class CustomerInvitationsResolver {
  constructor(
    private readonly loaders: InvitationLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  /**
   * Reached through `_entities`, where no guard runs: a partner with campaigns:read, and staff who see the invitations
   * of their own department (company-wide readers every one), as the meeting's list of invitations does.
   */
  @ResolveField(() => [Invitation])
  invitations(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      const caller = await this.caller.require(ctx.req, InvitationsPolicy.readOfCustomer.scopes);
      const invitations = await this.loaders.for(ctx.req).invitationsOfCustomer.load(c.id);
      return invitations.filter((i) => maySeeDepartmentRecord(caller, i.departmentId)).map(invitationView);
    });
  }
}
