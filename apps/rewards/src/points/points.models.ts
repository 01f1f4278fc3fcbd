import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PointsReason } from '../ledger/points.entities';

registerEnumType(PointsReason, { name: 'PointsReason', description: 'Why points moved (R-3)' });

@ObjectType({ description: 'One entry of the points ledger (R-3): append-only, naming its cause' })
export class PointsEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Signed: credits positive, reversals and redemptions negative' })
  points: number;

  @Field(() => PointsReason)
  reason: PointsReason;

  @Field(() => ID, { description: 'The event that earned or reversed the points, or the redemption' })
  sourceEventId: string;

  @Field({ description: 'ISO 8601 instant' })
  createdAt: string;
}

@ObjectType({ description: "A customer's points (R-1..R-3)" })
export class PointsAccount {
  @Field(() => ID)
  customerId: string;

  @Field(() => Int, { description: 'The sum of the entries; never negative' })
  balance: number;

  @Field({ description: 'Membership tier by lifetime points (REWARDS_TIERS)' })
  tier: string;

  @Field(() => Int, { description: 'Points earned net of reversals; redemptions do not lower it' })
  lifetimePoints: number;

  @Field(() => Int, { description: 'Reversed points the balance could not cover, settled from later credits' })
  owedPoints: number;

  // Resolved by PointsAccountResolver (newest first, `first` at a time).
  @Field(() => [PointsEntry])
  entries?: PointsEntry[];
}

/** Customers owns customers; rewards contributes `Customer.points`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id: string;

  @Field(() => PointsAccount, { nullable: true })
  points?: PointsAccount | null;
}

@ObjectType({ description: 'Points exchanged for a gift' })
export class Redemption {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => Int)
  points: number;

  @Field()
  gift: string;

  @Field(() => Int, { description: 'The balance right after the redemption' })
  balance: number;

  @Field(() => ID)
  entryId: string;

  @Field()
  createdAt: string;

  @Field({ description: 'True when this answers an earlier request with the same idempotency key' })
  replayed: boolean;

  @Field(() => PointsAccount, { description: 'The account now' })
  account?: PointsAccount;

  /** The customer, resolved by the customers subgraph. */
  @Field(() => Customer)
  customer?: Customer;
}
