import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A sale at a meeting (J-10), in fen, credited to the holder of the customer's invitation. */
@Entity({ name: 'sales' })
@Index(['customerId'])
// The meeting's sales list reads them in the order sold.
@Index(['meetingId', 'soldAt'])
@Check('sales_amounts', '"amount_fen" > 0 AND "refunded_fen" >= 0 AND "refunded_fen" <= "amount_fen"')
export class SaleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  customerId: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  /** What refunds have taken back so far; never more than the amount (a check constraint says so too). */
  @Column('bigint', { default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  refundedFen: number;

  @Column('uuid')
  creditedEmployeeId: string;

  @Column('uuid')
  creditedDepartmentId: string;

  @Column('uuid', { nullable: true })
  invitationId: string | null;

  /** The customer who brought this one to the meeting (J-9), for R-2 points. */
  @Column('uuid', { nullable: true })
  referrerId: string | null;

  @Column('timestamptz')
  soldAt: Date;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;
}

/** A refund of all or part of a sale. */
@Entity({ name: 'refunds' })
@Index(['saleId'])
@Check('refunds_amount_positive', '"amount_fen" > 0')
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  saleId: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  @Column('timestamptz')
  refundedAt: Date;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;
}
