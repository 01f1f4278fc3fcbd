import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A customer checked in at a meeting (J-9); once per meeting, the key says so. */
@Entity({ name: 'attendances' })
@Index(['customerId', 'checkedInAt'])
export class AttendanceEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  /** The existing customer who brought them (老顾客带新顾客), if any. */
  @Column('uuid', { nullable: true })
  referrerId: string | null;

  /** The invitation the customer came on (the holder's, J-10); null for a walk-in. */
  @Column('uuid', { nullable: true })
  invitationId: string | null;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @Column('uuid', { nullable: true })
  employeeId: string | null;

  @Column('boolean')
  firstAttendance: boolean;

  @Column('timestamptz')
  checkedInAt: Date;

  @Column('uuid', { nullable: true })
  checkedInBy: string | null;
}
