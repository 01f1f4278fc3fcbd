import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** Why points moved (R-3: every entry names its cause). */
export enum PointsReason {
  /** the customer the account holder brought attended their first meeting. */
  REFERRAL_ATTENDANCE = 'REFERRAL_ATTENDANCE',
  /** a referred customer's spend at a meeting reached another full 1000 yuan. */
  REFERRAL_SALES = 'REFERRAL_SALES',
  /** a refund took the spend back below a step already credited. */
  REFERRAL_SALES_REVERSAL = 'REFERRAL_SALES_REVERSAL',
  /** Points owed from a reversal larger than the balance, settled from a later credit. */
  OWED_SETTLEMENT = 'OWED_SETTLEMENT',
  /** Points exchanged for a gift. */
  REDEMPTION = 'REDEMPTION',
  /** A correction made by reversing entries, never by editing one. */
  CORRECTION = 'CORRECTION',
}

export const POINTS_REASONS = Object.values(PointsReason);

/**
 * The points ledger: append-only, enforced by a trigger that refuses UPDATE, DELETE and TRUNCATE. A cause
 * (the event or request behind the entry) credits a customer once per reason: a unique constraint, not a check.
 */
@Entity({ name: 'points_entries' })
@Unique('points_entries_once_per_cause', ['sourceEventId', 'customerId', 'reason'])
@Index('points_entries_of_customer', ['customerId', 'seq'])
@Check('points_entries_not_zero', '"points" <> 0')
export class PointsEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Insertion order: entries are listed newest first by it. bigint arrives as a string. */
  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;

  @Column('uuid')
  customerId: string;

  /** Signed: credits positive, reversals, settlements and redemptions negative. */
  @Column('integer')
  points: number;

  @Column('text')
  reason: PointsReason;

  /** The event that earned or reversed the points, or the redemption's id. */
  @Column('uuid')
  sourceEventId: string;

  @Column('timestamptz')
  createdAt: Date;
}

/**
 * One row per customer caching what the ledger adds up to, locked while an entry is written so a balance
 * check and the entry are one decision. `ledger-audit` compares it with the entries.
 */
@Entity({ name: 'points_accounts' })
@Check('points_accounts_balance_not_negative', '"balance" >= 0')
@Check('points_accounts_owed_not_negative', '"owed_points" >= 0')
export class PointsAccountEntity {
  @PrimaryColumn('uuid')
  customerId: string;

  /** The sum of the customer's entries. */
  @Column('integer', { default: 0 })
  balance: number;

  /** Points earned net of reversals, redemptions not subtracted: the tier is read from it. */
  @Column('integer', { default: 0 })
  lifetimePoints: number;

  /** Reversed points the balance could not cover (already redeemed), settled first from later credits. */
  @Column('integer', { default: 0 })
  owedPoints: number;

  @Column('timestamptz')
  updatedAt: Date;
}

/**
 * One row per corrected entry: the correction is once per entry even when the reversal wrote no entry (the
 * balance was 0 and the points became owed), and it says who corrected.
 */
@Entity({ name: 'points_corrections' })
export class PointsCorrectionEntity {
  @PrimaryColumn('uuid')
  entryId: string;

  @Column('uuid')
  customerId: string;

  /** The earning change the correction posted: the corrected entry's points, negated. */
  @Column('integer')
  points: number;

  @Column('text')
  correctedBy: string;

  @Column('timestamptz')
  createdAt: Date;
}
