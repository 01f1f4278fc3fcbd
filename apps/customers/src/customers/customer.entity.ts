import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum CustomerSource {
  OUTREACH = 'OUTREACH',
  REFERRAL = 'REFERRAL',
  WALK_IN = 'WALK_IN',
  HOTLINE = 'HOTLINE',
  WEBSITE = 'WEBSITE',
  PARTNER = 'PARTNER',
  OTHER = 'OTHER',
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum CustomerStage {
  POTENTIAL = 'POTENTIAL',
  NEW = 'NEW',
  LOYAL = 'LOYAL',
  PROBLEM = 'PROBLEM',
  CHURNED = 'CHURNED',
}

export enum ValueTier {
  A = 'A',
  B = 'B',
  C = 'C',
}

@Entity({ name: 'customers' })
@Index('customers_created_id', ['createdAt', 'id'])
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** E.164 (+86…): one phone, one customer (O-3). */
  @Column('text', { unique: true })
  phone: string;

  @Column('text', { nullable: true })
  gender: Gender | null;

  @Column('date', { nullable: true })
  birthDate: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text')
  source: CustomerSource;

  @Index()
  @Column('text', { default: CustomerStage.POTENTIAL })
  stage: CustomerStage;

  @Column('text', { nullable: true })
  valueTier: ValueTier | null;

  @Index()
  @Column('uuid')
  ownerId: string;

  @Index()
  @Column('uuid')
  departmentId: string;

  @Column('uuid', { nullable: true })
  referrerId: string | null;

  /** V-2, as last published by the service-visits service. */
  @Column('boolean', { default: false })
  underServed: boolean;

  /**
   * P-3: the person asked to be forgotten. The row keeps its id (ledgers, fines and sales elsewhere stay under
   * it); name is a fixed text, the phone a placeholder `erased:<id>`, every other personal field null.
   */
  @Column('boolean', { default: false })
  erased: boolean;

  /** When the current owner got the customer (V-2 counts its 90 days from here). */
  @Column({ type: 'timestamptz', precision: 3 })
  assignedAt: Date;

  /** From the suite clock, in milliseconds, so it round-trips exactly through pagination cursors. */
  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
