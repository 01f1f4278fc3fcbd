import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PointsReason } from '../ledger/points.entities';
import { connectionTypes } from '@crm/http';

registerEnumType(PointsReason, { name: 'PointsReason', description: 'Why points moved (R-3)' });

@ObjectType({ description: 'One entry of the points ledger (R-3): append-only, naming its cause' })
export class PointsEntry {
  @Field(() => ID, { description: 'The entry' })
  id: string;

  @Field(() => Int, { description: 'Signed: credits positive, reversals and redemptions negative' })
  points: number;

  @Field(() => PointsReason, { description: 'Why the points moved' })
  reason: PointsReason;

  @Field(() => ID, { description: 'The event that earned or reversed the points, or the redemption' })
  sourceEventId: string;

  @Field({ description: 'ISO 8601 instant' })
  createdAt: string;
}

@ObjectType({ description: "A customer's points (R-1..R-3)" })
export class PointsAccount {
  @Field(() => ID, { description: 'The customer' })
  customerId: string;

  @Field(() => Int, { description: 'The sum of the entries; never negative' })
  balance: number;

  @Field({ description: 'Membership tier by lifetime points (REWARDS_TIERS)' })
  tier: string;

  @Field(() => Int, { description: 'Points earned net of reversals; redemptions do not lower it' })
  lifetimePoints: number;

  @Field(() => Int, {
    description: 'Reversed points the balance could not cover, settled from later credits',
  })
  owedPoints: number;

  // Resolved by PointsAccountResolver (newest first, `first` at a time).
  @Field(() => [PointsEntry], {
    description: 'The newest entries of the ledger, newest first (a plain list; entriesConnection pages)',
  })
  entries?: PointsEntry[];
}

export const PointsEntryConnection = connectionTypes(PointsEntry, 'PointsEntry', 'points entry');

/** Customers owns customers; rewards contributes `Customer.points`. */
@ObjectType({ description: 'A customer of the company, owned by one employee and through them one department' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID, { description: 'The customer' })
  id: string;

  @Field(() => PointsAccount, {
    nullable: true,
    description: "The customer's points (R-3); null for staff who may not see them (P-1)",
  })
  points?: PointsAccount | null;
}

@ObjectType({ description: 'Points exchanged for a gift' })
export class Redemption {
  @Field(() => ID, { description: 'The redemption' })
  id: string;

  @Field(() => ID, { description: 'The customer whose points were redeemed' })
  customerId: string;

  @Field(() => Int, { description: 'Points taken from the balance' })
  points: number;

  @Field({ description: 'The gift the points were exchanged for' })
  gift: string;

  @Field(() => Int, { description: 'The balance right after the redemption' })
  balance: number;

  @Field(() => ID, { description: 'The REDEMPTION entry of the ledger' })
  entryId: string;

  @Field({ description: 'ISO 8601 instant of the redemption' })
  createdAt: string;

  @Field({ description: 'True when this answers an earlier request with the same idempotency key' })
  replayed: boolean;

  @Field(() => PointsAccount, { description: 'The account now' })
  account?: PointsAccount;

  /** The customer, resolved by the customers subgraph. */
  @Field(() => Customer, { description: 'The customer' })
  customer?: Customer;
}

@ObjectType({
  description: 'An R-1 bonus booked in error, reversed by a CORRECTION entry (R-3), once per entry',
})
export class PointsCorrection {
  @Field(() => ID, { description: 'The customer whose entry was corrected' })
  customerId: string;

  @Field(() => ID, { description: 'The entry reversed' })
  correctedEntryId: string;

  @Field(() => Int, { description: "The earning change posted: the corrected entry's points, negated" })
  points: number;

  @Field(() => Int, { description: 'The balance after the correction; never negative' })
  balance: number;

  @Field(() => Int, { description: 'Lifetime points after the correction' })
  lifetimePoints: number;

  @Field(() => Int, { description: 'Points now owed: the part of the reversal the balance could not cover' })
  owedPoints: number;
}
