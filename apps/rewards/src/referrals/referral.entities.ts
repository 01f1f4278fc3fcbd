import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

const fen = { to: (v: number) => v, from: (v: string) => Number(v) };

/** R-1 once per referred customer, whatever campaigns sends: the row is the proof the bonus was paid. */
@Entity({ name: 'referral_bonuses' })
export class ReferralBonusEntity {
  @PrimaryColumn('uuid')
  referredCustomerId: string;

  @Column('uuid')
  referrerId: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  sourceEventId: string;

  @Column('timestamptz')
  createdAt: Date;
}

/** Every sale rewards has heard of, so a refund finds its sale's group (or waits for it). */
@Entity({ name: 'referral_sales' })
@Check('referral_sales_amount_positive', '"amount_fen" > 0')
export class ReferralSaleEntity {
  @PrimaryColumn('uuid')
  saleId: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  customerId: string;

  /** Null: no referrer, so the sale earns no one points, but its refunds must still find it. */
  @Column('uuid', { nullable: true })
  referrerId: string | null;

  @Column('bigint', { transformer: fen })
  amountFen: number;

  @Column('uuid')
  sourceEventId: string;

  @Column('timestamptz')
  createdAt: Date;
}

/**
 * Refunds as received. `appliedAt` is null while the sale is unknown (the refund overtook it): the sale applies
 * the held refunds when it arrives, so none is lost.
 */
@Entity({ name: 'referral_refunds' })
@Index('referral_refunds_held', ['saleId'], { where: '"applied_at" IS NULL' })
@Check('referral_refunds_amount_positive', '"amount_fen" > 0')
export class ReferralRefundEntity {
  @PrimaryColumn('uuid')
  refundId: string;

  @Column('uuid')
  saleId: string;

  @Column('bigint', { transformer: fen })
  amountFen: number;

  @Column('uuid')
  sourceEventId: string;

  @Column('timestamptz')
  receivedAt: Date;

  @Column('timestamptz', { nullable: true })
  appliedAt: Date | null;
}

/** R-2 per (referred customer, meeting, referrer): net spend and the points credited for it so far. */
@Entity({ name: 'referral_spends' })
@Check('referral_spends_not_negative', '"net_fen" >= 0 AND "credited_points" >= 0')
export class ReferralSpendEntity {
  @PrimaryColumn('uuid')
  customerId: string;

  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  referrerId: string;

  @Column('bigint', { transformer: fen })
  netFen: number;

  @Column('integer')
  creditedPoints: number;

  @Column('timestamptz')
  updatedAt: Date;
}
