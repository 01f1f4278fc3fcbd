import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentPrincipal, FieldCaller, Principal, RequestHeaders, Role, Roles } from '@crm/auth';
import { inField } from '@crm/errors';
import { InvitationEntity } from '../invitations/invitation.entity';
import { InvitationsService } from '../invitations/invitations.service';
import { Loaders } from './loaders';
import { Customer, Invitation } from './models';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

/** The GraphQL view of an invitation: instants as ISO strings, like every other instant of the graph. */
export function invitationView(e: InvitationEntity): Invitation {
  return {
    id: e.id,
    meetingId: e.meetingId,
    customerId: e.customerId,
    employeeId: e.employeeId,
    departmentId: e.departmentId,
    status: e.status,
    invitedAt: e.invitedAt.toISOString(),
    confirmedAt: e.confirmedAt ? e.confirmedAt.toISOString() : null,
  };
}

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly loaders: Loaders,
  ) {}

  @Mutation(() => Invitation, { description: 'J-2: the caller invites a customer to a meeting' })
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD)
  async inviteCustomer(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('customerId', { type: () => ID }) customerId: string) {
    return invitationView(await this.invitations.invite(caller, meetingId, customerId));
  }

  @Mutation(() => Invitation, { description: 'J-2: the customer agreed to come (敲定)' })
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD)
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
    private readonly loaders: Loaders,
    private readonly caller: FieldCaller,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  /** Reached through `_entities`, where no guard runs: any employee, or a partner with campaigns:read. */
  @ResolveField(() => [Invitation])
  invitations(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, ['campaigns:read']);
      return (await this.loaders.for(ctx.req).invitationsOfCustomer.load(c.id)).map(invitationView);
    });
  }
}
