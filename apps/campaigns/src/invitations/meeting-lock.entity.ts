import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * J-4: the one department holding a customer for a meeting. The primary key is the rule: however many
 * sheets race for a customer, the database keeps exactly one holder.
 */
@Entity({ name: 'meeting_locks' })
export class MeetingLockEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @Column('uuid')
  departmentId: string;

  /** The sheet that took the lock (an on-time sheet at once, a late one at its reconciliation). */
  @Column('uuid', { nullable: true })
  sheetId: string | null;

  @Column('timestamptz')
  lockedAt: Date;
}
