import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A sale as classification needs it (S-1, S-2), from campaigns' `sale.recorded` and `sale.refunded`. */
@Entity({ name: 'customer_purchases' })
@Index('customer_purchases_customer_sold', ['customerId', 'soldAt'])
export class CustomerPurchaseEntity {
  @PrimaryColumn('uuid')
  saleId: string;

  @Column('uuid')
  customerId: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  @Column('bigint', { default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  refundedFen: number;

  @Column('timestamptz')
  soldAt: Date;
}

/** A meeting the customer attended, from `meeting.attended`. */
@Entity({ name: 'customer_attendance' })
@Index('customer_attendance_customer_at', ['customerId', 'attendedAt'])
export class CustomerAttendanceEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @Column('timestamptz')
  attendedAt: Date;
}

/** A complaint's state, from `complaint.filed` and `complaint.resolved`. */
@Entity({ name: 'customer_complaints' })
export class CustomerComplaintEntity {
  @PrimaryColumn('uuid')
  complaintId: string;

  @Index()
  @Column('uuid')
  customerId: string;

  @Column('timestamptz')
  filedAt: Date;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;
}
