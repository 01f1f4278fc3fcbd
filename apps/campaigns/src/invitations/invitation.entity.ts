import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum InvitationStatus {
  INVITED = 'INVITED',
  /** 敲定: the customer agreed to come (J-2). */
  CONFIRMED = 'CONFIRMED',
}

/**
 * A department's invitation of a customer to a meeting (J-2). Several departments may invite the same
 * customer to a joint meeting until one holds the lock (J-4); one department invites a customer once.
 */
@Entity({ name: 'invitations' })
@Unique('invitations_one_per_department', ['meetingId', 'customerId', 'departmentId'])
@Index(['customerId'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  customerId: string;

  /** The inviting employee, who is credited with a sale unless the lock says otherwise (J-10). */
  @Column('uuid')
  employeeId: string;

  @Column('uuid')
  departmentId: string;

  @Column('text')
  status: InvitationStatus;

  @Column('timestamptz')
  invitedAt: Date;

  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;
}
