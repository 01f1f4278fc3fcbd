import { tierFor, Tier } from '../ledger/tiers';
import { PointsAccountEntity, PointsEntryEntity, PointsReason } from '../ledger/points.entities';

export interface PointsAccountView {
  customerId: string;
  balance: number;
  tier: string;
  lifetimePoints: number;
  owedPoints: number;
}

export interface PointsEntryView {
  id: string;
  points: number;
  reason: PointsReason;
  sourceEventId: string;
  createdAt: string;
}

/** An account as callers see it (REST and GraphQL); a customer without one has nothing yet. */
export function accountView(customerId: string, account: PointsAccountEntity | null | undefined, tiers: readonly Tier[]): PointsAccountView {
  const lifetimePoints = account?.lifetimePoints ?? 0;
  return { customerId, balance: account?.balance ?? 0, tier: tierFor(lifetimePoints, tiers), lifetimePoints, owedPoints: account?.owedPoints ?? 0 };
}

export function entryView(e: PointsEntryEntity): PointsEntryView {
  return { id: e.id, points: e.points, reason: e.reason, sourceEventId: e.sourceEventId, createdAt: e.createdAt.toISOString() };
}
