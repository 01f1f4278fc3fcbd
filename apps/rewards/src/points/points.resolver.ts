import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, FieldCaller, Principal } from '@crm/auth';
import { CommonErrors, inField } from '@crm/errors';
import { idempotencyKeyOf } from './idempotency';
import { RedeemPointsArgs } from './points.dto';
import { PointsErrors } from './points.errors';
import { PointsLoaders } from './points.loaders';
import { Customer, PointsAccount, PointsEntry, Redemption } from './points.models';
import { PointsPolicy } from './points.policy';
import { PointsService } from './points.service';
import { RedemptionsService } from './redemptions.service';

interface GqlContext {
  req: object & { principal?: Principal; headers: Record<string, string | string[] | undefined> };
}

/** Entries a `PointsAccount.entries` may list at once. */
const MAX_ENTRIES = 200;

@Resolver(() => Customer)
export class CustomerPointsResolver {
  constructor(
    private readonly loaders: PointsLoaders,
    private readonly caller: FieldCaller,
    private readonly pointsService: PointsService,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  @Query(() => PointsAccount, {
    description: "A customer's points (R-3); CUSTOMER_NOT_FOUND for a customer rewards has not heard of, and for one of another department to department staff (P-1)",
  })
  @Allow(PointsPolicy.read)
  async pointsAccount(@CurrentPrincipal() caller: Principal, @Args('customerId', { type: () => ID }, new ParseUUIDPipe()) customerId: string, @Context() ctx: GqlContext) {
    await this.pointsService.requireVisible(caller, customerId);
    return this.loaders.for(ctx.req).account.load(customerId);
  }

  @ResolveField(() => PointsAccount, {
    nullable: true,
    description: "The customer's points (R-3): partners with points:read, company-wide roles, and the owner and the owning head (P-1); null for other staff",
  })
  points(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, PointsPolicy.read.scopes);
      const loaders = this.loaders.for(ctx.req);
      if (!(await loaders.visible.load(c.id))) return null;
      return loaders.account.load(c.id);
    });
  }
}

@Resolver(() => PointsAccount)
export class PointsAccountResolver {
  constructor(private readonly loaders: PointsLoaders) {}

  @ResolveField(() => [PointsEntry], { description: 'Newest first' })
  entries(@Parent() a: PointsAccount, @Context() ctx: GqlContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number) {
    return inField(async () => {
      if (first < 1 || first > MAX_ENTRIES) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_ENTRIES}`);
      return this.loaders.for(ctx.req).newestEntries(first).load(a.customerId);
    });
  }
}

@Resolver(() => Redemption)
export class RedemptionResolver {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly loaders: PointsLoaders,
  ) {}

  @Mutation(() => Redemption, { description: 'Redeem points for a gift (R-3); the same idempotencyKey answers the same, POINTS_INSUFFICIENT when the balance would go negative' })
  @Allow(PointsPolicy.redeem)
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
