import { ParseUUIDPipe } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { keysetCursor } from '@crm/database';
import { Allow, CurrentPrincipal, FieldCaller, Principal, RequestHeaders } from '@crm/auth';
import { inField } from '@crm/errors';
import { maySeeDepartmentRecord } from '../organisation/department-scope';
import { InvitationLoaders } from './invitations.loaders';
import { Customer, Invitation, InvitationConnection } from './invitations.models';
import { InvitationStatus } from './invitation.entity';
import { InvitationsPolicy } from './invitations.policy';
import { InvitationsService } from './invitations.service';
import { invitationView } from './invitations.view';
import { AFTER_ARG, FIRST_ARG, pageSize, toConnection, UuidFilterPipe } from '@crm/http';

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
  async inviteCustomer(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string,
    @Args('customerId', { type: () => ID, description: 'The customer invited' }) customerId: string,
  ) {
    return invitationView(await this.invitations.invite(caller, meetingId, customerId));
  }

  @Mutation(() => Invitation, { description: 'J-2: the customer agreed to come (敲定)' })
  @Allow(InvitationsPolicy.confirm)
  async confirmInvitation(
    @CurrentPrincipal() caller: Principal,
    @Args('id', { type: () => ID, description: 'The invitation' }) id: string,
  ) {
    return invitationView(await this.invitations.confirm(caller, id));
  }

  @Query(() => Invitation, {
    description: "An invitation (J-2); staff of a department see their department's, NOT_FOUND otherwise",
  })
  @Allow(InvitationsPolicy.read)
  async invitation(
    @CurrentPrincipal() caller: Principal,
    @Args('id', { type: () => ID, description: 'The invitation' }, new ParseUUIDPipe()) id: string,
  ) {
    return invitationView(await this.invitations.get(caller, id));
  }

  @Query(() => InvitationConnection, {
    description:
      "A meeting's invitations in the order made (J-2), as GET /meetings/{id}/invitations; staff of a department see their department's",
  })
  @Allow(InvitationsPolicy.read)
  async meetingInvitations(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }, new ParseUUIDPipe()) meetingId: string,
    @Args(
      'departmentId',
      {
        type: () => ID,
        nullable: true,
        description: "The inviting department; staff of a department always see their own department's",
      },
      new UuidFilterPipe('departmentId'),
    )
    departmentId?: string,
    @Args(
      'customerId',
      { type: () => ID, nullable: true, description: 'The invited customer' },
      new UuidFilterPipe('customerId'),
    )
    customerId?: string,
    @Args('status', {
      type: () => InvitationStatus,
      nullable: true,
      description: 'Only invitations in this status',
    })
    status?: InvitationStatus,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ) {
    const limit = pageSize(first);
    const q = {
      departmentId: departmentId ?? undefined,
      customerId: customerId ?? undefined,
      status: status ?? undefined,
      cursor: after ?? undefined,
      limit,
    };
    const page = await this.invitations.list(caller, meetingId, q, limit);
    return toConnection(page, invitationView, (i) =>
      keysetCursor(i, { column: 'i.invited_at', value: (x) => x.invitedAt }),
    );
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
