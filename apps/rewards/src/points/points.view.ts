import { ApiProperty } from '@nestjs/swagger';
import type { AccountState } from '../ledger/ledger-posting';
import { tierFor, Tier } from '../ledger/tiers';
import { PointsAccountEntity, PointsEntryEntity, PointsReason, POINTS_REASONS } from '../ledger/points.entities';

/** A customer's points (R-1..R-3), REST and GraphQL alike. */
export class PointsAccountView {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f1b-9a7e-2c5d8e9f0a1b', description: 'The customer (customers owns the record)' })
  customerId: string;

  @ApiProperty({ type: 'integer', example: 300, description: 'The sum of the entries; never negative' })
  balance: number;

  @ApiProperty({ example: 'SILVER', description: 'Membership tier by lifetime points (REWARDS_TIERS)' })
  tier: string;

  @ApiProperty({ type: 'integer', example: 1500, description: 'Points earned net of reversals; redemptions do not lower it' })
  lifetimePoints: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Reversed points the balance could not cover, settled from later credits' })
  owedPoints: number;
}

/** One entry of the points ledger: append-only, naming its cause. */
export class PointsEntryView {
  @ApiProperty({ format: 'uuid', description: "The entry's id" })
  id: string;

  @ApiProperty({ type: 'integer', example: -1200, description: 'Signed: credits positive, reversals and redemptions negative' })
  points: number;

  @ApiProperty({ enum: POINTS_REASONS, enumName: 'PointsReason', example: PointsReason.REDEMPTION, description: 'Why points moved' })
  reason: PointsReason;

  @ApiProperty({ format: 'uuid', description: 'The event that earned or reversed the points, or the redemption' })
  sourceEventId: string;

  @ApiProperty({ example: '2026-03-01T08:00:00.000Z', description: 'ISO 8601 instant' })
  createdAt: string;
}

/** The account with one page of its entries, newest first. */
export class PointsStatementView extends PointsAccountView {
  @ApiProperty({ type: [PointsEntryView], description: 'Newest first, a page at a time' })
  entries: PointsEntryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

/** Points exchanged for a gift: the first answer to an Idempotency-Key, replayed as it was stored. */
export class RedemptionView {
  @ApiProperty({ format: 'uuid', description: "The redemption's id (its ledger entry's source)" })
  id: string;

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f1b-9a7e-2c5d8e9f0a1b', description: 'The customer whose points were redeemed' })
  customerId: string;

  @ApiProperty({ type: 'integer', example: 500, description: 'Points taken from the balance' })
  points: number;

  @ApiProperty({ example: '电饭煲', description: 'The gift the points were exchanged for' })
  gift: string;

  @ApiProperty({ type: 'integer', example: 700, description: 'The balance right after the redemption' })
  balance: number;

  @ApiProperty({ format: 'uuid', description: 'The REDEMPTION ledger entry' })
  entryId: string;

  @ApiProperty({ example: '2026-03-01T08:00:00.000Z', description: 'ISO 8601 instant' })
  createdAt: string;
}

/** A correction made: the reversing change posted, and the account after it. */
export class CorrectionView {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f1b-9a7e-2c5d8e9f0a1b', description: 'The customer whose entry was corrected' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'The entry reversed' })
  correctedEntryId: string;

  @ApiProperty({ type: 'integer', example: -100, description: "The earning change posted: the corrected entry's points, negated" })
  points: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'The balance after the correction; never negative' })
  balance: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Lifetime points after the correction' })
  lifetimePoints: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Points now owed: the part of the reversal the balance could not cover' })
  owedPoints: number;
}

/** An account as callers see it (REST and GraphQL); a customer without one has nothing yet. */
export function accountView(customerId: string, account: PointsAccountEntity | null | undefined, tiers: readonly Tier[]): PointsAccountView {
  const lifetimePoints = account?.lifetimePoints ?? 0;
  return { customerId, balance: account?.balance ?? 0, tier: tierFor(lifetimePoints, tiers), lifetimePoints, owedPoints: account?.owedPoints ?? 0 };
}

export function entryView(e: PointsEntryEntity): PointsEntryView {
  return { id: e.id, points: e.points, reason: e.reason, sourceEventId: e.sourceEventId, createdAt: e.createdAt.toISOString() };
}

/**
 * The answer to a correction. The account is never null here (a correction is claimed once per entry and an
 * entry's points are never 0, so the posting always happens); spread as it is, nothing is added or renamed.
 */
export function correctionView(customerId: string, correctedEntryId: string, points: number, account: AccountState | null): CorrectionView {
  return { customerId, correctedEntryId, points, ...(account as AccountState) };
}
