import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An employee presenting products to a customer at a meeting (J-10). The partial unique index is the rule
 * "two employees never pitch the same customer at once": the database refuses a second active pitch.
 */
@Entity({ name: 'pitches' })
@Index('pitches_one_active_per_customer', ['meetingId', 'customerId'], { unique: true, where: '"ended_at" IS NULL' })
export class PitchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  customerId: string;

  @Column('uuid')
  employeeId: string;

  /** HOLDER: the employee holding the invitation; ASSISTANT: the follow-up employee, with the holder's consent. */
  @Column('text')
  role: 'HOLDER' | 'ASSISTANT';

  @Column('timestamptz')
  startedAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;
}

/** The holder's consent that the customer's follow-up employee may help sell (J-10, 借用帮促销售). */
@Entity({ name: 'pitch_consents' })
export class PitchConsentEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @PrimaryColumn('uuid')
  assistantId: string;

  @Column('uuid')
  grantedBy: string;

  @Column('timestamptz')
  grantedAt: Date;
}
