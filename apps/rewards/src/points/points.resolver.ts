import { ParseUUIDPipe } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { Allow, CurrentPrincipal, EmployeePrincipal, FieldCaller, Principal } from '@crm/auth';
import { encodeCursor } from '@crm/database';
import { CommonErrors, inField } from '@crm/errors';
import { idempotencyKeyOf } from './idempotency';
import { RedeemPointsArgs } from './points.dto';
import { PointsErrors } from './points.errors';
import { PointsLoaders } from './points.loaders';
import { CorrectionsService } from './corrections.service';
import {
  Customer,
  PointsAccount,
  PointsCorrection,
  PointsEntry,
  PointsEntryConnection,
  Redemption,
} from './points.models';
import { PointsPolicy } from './points.policy';
import { PointsService } from './points.service';
import { entryView } from './points.view';
import { RedemptionsService } from './redemptions.service';
import { AFTER_ARG, FIRST_ARG, pageSize, toConnection } from '@crm/http';

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
    description:
      "A customer's points (R-3); CUSTOMER_NOT_FOUND for a customer rewards has not heard of, and for one of another department to department staff (P-1)",
  })
  @Allow(PointsPolicy.read)
  async pointsAccount(
    @CurrentPrincipal() caller: Principal,
    @Args('customerId', { type: () => ID, description: 'The customer' }, new ParseUUIDPipe())
    customerId: string,
    @Context() ctx: GqlContext,
  ) {
    await this.pointsService.requireVisible(caller, customerId);
    return this.loaders.for(ctx.req).account.load(customerId);
  }

  @ResolveField(() => PointsAccount, {
    nullable: true,
    description:
      "The customer's points (R-3): partners with points:read, company-wide roles, and the owner and the owning head (P-1); null for other staff",
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
  constructor(
    private readonly loaders: PointsLoaders,
    private readonly caller: FieldCaller,
    private readonly pointsService: PointsService,
  ) {}

  /** The statement's entries as GET /points/{customerId} pages them (the same service call); the account was reached through a guarded query or Customer.points, and the caller is checked again here. */
  @ResolveField(() => PointsEntryConnection, {
    description: 'The entries of the ledger, newest first, a page at a time (as GET /points/{customerId})',
  })
  entriesConnection(
    @Parent() a: PointsAccount,
    @Context() ctx: GqlContext,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ) {
    return inField(async () => {
      const caller = await this.caller.require(ctx.req, PointsPolicy.read.scopes);
      const page = await this.pointsService.entriesOf(caller, a.customerId, {
        limit: pageSize(first),
        cursor: after ?? undefined,
      });
      return toConnection(page, entryView, (e) => encodeCursor({ seq: e.seq }));
    });
  }

  @ResolveField(() => [PointsEntry], { description: 'Newest first' })
  entries(
    @Parent() a: PointsAccount,
    @Context() ctx: GqlContext,
    @Args('first', {
      type: () => Int,
      defaultValue: 20,
      description: `How many of the newest entries (1..${MAX_ENTRIES})`,
    })
    first: number,
  ) {
    return inField(async () => {
      if (first < 1 || first > MAX_ENTRIES)
        throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_ENTRIES}`);
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

  @Mutation(() => Redemption, {
    description:
      'Redeem points for a gift (R-3); the same idempotencyKey answers the same, POINTS_INSUFFICIENT when the balance would go negative',
  })
  @Allow(PointsPolicy.redeem)
  async redeemPoints(
    @CurrentPrincipal() caller: Principal,
    @Args() args: RedeemPointsArgs,
  ): Promise<Redemption> {
    const answer = await this.redemptions.redeem(
      caller,
      args.customerId,
      idempotencyKeyOf(args.idempotencyKey),
      { points: args.points, gift: args.gift },
    );
    if (answer.status !== 201) {
      // A refusal stored under the key replays as the same error.
      throw PointsErrors.POINTS_INSUFFICIENT(String(answer.body.detail ?? ''), {
        balance: answer.body.balance,
      });
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

@Resolver(() => PointsCorrection)
export class PointsCorrectionResolver {
  constructor(private readonly corrections: CorrectionsService) {}

  @Mutation(() => PointsCorrection, {
    description:
      'R-3: correct an R-1 bonus booked in error by a reversing CORRECTION entry, once per entry (admins)',
  })
  @Allow(PointsPolicy.correct)
  correctPointsEntry(
    @CurrentPrincipal() caller: EmployeePrincipal,
    @Args(
      'customerId',
      { type: () => ID, description: 'The customer whose entry is corrected' },
      new ParseUUIDPipe(),
    )
    customerId: string,
    @Args('entryId', { type: () => ID, description: 'The entry to reverse' }, new ParseUUIDPipe())
    entryId: string,
  ): Promise<PointsCorrection> {
    return this.corrections.correct(caller, customerId, entryId);
  }
}
