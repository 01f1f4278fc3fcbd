import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum HistoryKind {
  STAGE = 'STAGE',
  OWNER = 'OWNER',
}

/** Stage changes (S-3) and ownership changes of a customer, each with its time and cause. */
@Entity({ name: 'customer_history' })
@Index('customer_history_customer_at', ['customerId', 'at'])
export class CustomerHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  customerId: string;

  @Column('text')
  kind: HistoryKind;

  @Column('text', { nullable: true })
  fromValue: string | null;

  @Column('text')
  toValue: string;

  /** Why: 'registration', 'allocation of batch …', 'complaint … breached (C-4)', a stage reason (S-1). */
  @Column('text')
  cause: string;

  /**
   * What kind of cause moved the owner, as events and audit name it (REGISTRATION, ARCHIVE, ALLOCATION, MANUAL,
   * COMPLAINT_BREACH, UNDER_SERVED); null for stage changes.
   */
  @Column('text', { nullable: true })
  causeCode: string | null;

  /** The record behind the cause (the archive batch, the breached complaint…), so a cause is acted on once. */
  @Column('text', { nullable: true })
  causeId: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('timestamptz')
  at: Date;
}
