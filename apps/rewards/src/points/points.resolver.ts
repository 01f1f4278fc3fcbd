import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentPrincipal, FieldCaller, PartnerScopes, Principal, Roles } from '@crm/auth';
import { CommonErrors, inField } from '@crm/errors';
import { CustomersRepository } from '../customers/customers.repository';
import { idempotencyKeyOf } from '../points/idempotency';
import { REDEEMING_ROLES } from '../points/points.controller';
import { RedeemPointsArgs } from '../points/points.dto';
import { PointsErrors } from '../points/points.errors';
import { entryView } from '../points/points.views';
import { RedemptionsService } from '../points/redemptions.service';
import { Loaders } from './loaders';
import { Customer, PointsAccount, PointsEntry, Redemption } from './models';

interface GqlContext {
  req: object & { principal?: Principal; headers: Record<string, string | string[] | undefined> };
}

/** Entries a `PointsAccount.entries` may list at once. */
const MAX_ENTRIES = 200;

@Resolver(() => Customer)
export class CustomerPointsResolver {
  constructor(
    private readonly loaders: Loaders,
    private readonly caller: FieldCaller,
    private readonly customers: CustomersRepository,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  @Query(() => PointsAccount, { description: "A customer's points (R-3); 404 CUSTOMER_NOT_FOUND for a customer rewards has not heard of" })
  @PartnerScopes('points:read')
  async pointsAccount(@Args('customerId', { type: () => ID }, new ParseUUIDPipe()) customerId: string, @Context() ctx: GqlContext) {
    if (!(await this.customers.isKnown(customerId))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
    return this.loaders.for(ctx.req).account.load(customerId);
  }

  @ResolveField(() => PointsAccount, { nullable: true, description: "The customer's points (R-3); any staff member, partners with points:read" })
  points(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, ['points:read']);
      return this.loaders.for(ctx.req).account.load(c.id);
    });
  }
}

@Resolver(() => PointsAccount)
export class PointsAccountResolver {
  constructor(private readonly loaders: Loaders) {}

  @ResolveField(() => [PointsEntry], { description: 'Newest first' })
  entries(@Parent() a: PointsAccount, @Context() ctx: GqlContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number) {
    return inField(async () => {
      if (first < 1 || first > MAX_ENTRIES) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_ENTRIES}`);
      return (await this.loaders.for(ctx.req).newestEntries(first).load(a.customerId)).map(entryView);
    });
  }
}

@Resolver(() => Redemption)
export class RedemptionResolver {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly loaders: Loaders,
  ) {}

  @Mutation(() => Redemption, { description: 'Redeem points for a gift (R-3); the same idempotencyKey answers the same, POINTS_INSUFFICIENT when the balance would go negative' })
  @Roles(...REDEEMING_ROLES)
  @PartnerScopes('points:write')
  async redeemPoints(@CurrentPrincipal() caller: Principal, @Args() args: RedeemPointsArgs): Promise<Redemption> {
    const answer = await this.redemptions.redeem(caller, args.customerId, idempotencyKeyOf(args.idempotencyKey), { points: args.points, gift: args.gift });
    if (answer.status !== 201) {
      // A refusal stored under the key replays as the same error.
      throw PointsErrors.POINTS_INSUFFICIENT(String(answer.body.detail ?? ''), { balance: answer.body.balance });
    }
    return { ...(answer.body as unknown as Omit<Redemption, 'replayed'>), replayed: answer.replayed };
  }

  @ResolveField(() => Customer)
  customer(@Parent() r: Redemption) {
    return { id: r.customerId };
  }

  @ResolveField(() => PointsAccount)
  account(@Parent() r: Redemption, @Context() ctx: GqlContext) {
    return this.loaders.for(ctx.req).account.load(r.customerId);
  }
}
