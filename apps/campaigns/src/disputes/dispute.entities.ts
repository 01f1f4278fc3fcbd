import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum DisputeStatus {
  OPEN = 'OPEN',
  /** The coordinator could not decide: the general manager rules (J-11). */
  ESCALATED = 'ESCALATED',
  RULED = 'RULED',
}

/** A conflict between departments at a meeting, recorded to be settled afterwards, never in front of customers. */
@Entity({ name: 'disputes' })
@Index(['meetingId'])
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  /** The employees in conflict, of at least two departments. */
  @Column('uuid', { array: true })
  partyEmployeeIds: string[];

  @Column('text')
  description: string;

  /** J-11: arguing in front of customers fines each party 100 yuan. */
  @Column('boolean')
  arguedInFrontOfCustomers: boolean;

  @Column('text')
  status: DisputeStatus;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz')
  recordedAt: Date;

  @Column('text', { nullable: true })
  ruling: string | null;

  @Column('uuid', { nullable: true })
  awardedDepartmentId: string | null;

  /** J-11: the employee credited with the disputed customer's sales once a RULED award takes effect. */
  @Column('uuid', { nullable: true })
  awardedEmployeeId: string | null;

  @Column('uuid', { nullable: true })
  ruledBy: string | null;

  @Column('timestamptz', { nullable: true })
  ruledAt: Date | null;
}

/** One J-11 fine per party and dispute (the key is the rule). */
@Entity({ name: 'dispute_fines' })
export class DisputeFineEntity {
  @PrimaryColumn('uuid')
  disputeId: string;

  @PrimaryColumn('uuid')
  employeeId: string;

  @Column('uuid')
  fineId: string;
}
