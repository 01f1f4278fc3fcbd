import { ApiProperty } from '@nestjs/swagger';
import { AttendanceEntity } from './attendance.entity';

/** A customer checked in at a meeting (J-9), as the API answers it. */
export class AttendanceView {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The existing customer who brought them (老顾客带新顾客)' })
  referrerId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: "The invitation the customer came on (the holder's, J-10); null for a walk-in" })
  invitationId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The department holding the invitation (J-10)' })
  departmentId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The employee holding the invitation (J-10)' })
  employeeId: string | null;

  @ApiProperty({ description: "The customer's first attended meeting ever" })
  firstAttendance: boolean;

  @ApiProperty({ example: '2026-03-08T06:30:00.000Z', description: 'ISO 8601 instant' })
  checkedInAt: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The employee who checked them in' })
  checkedInBy: string | null;
}

export function attendanceView(a: AttendanceEntity): AttendanceView {
  return {
    meetingId: a.meetingId,
    customerId: a.customerId,
    referrerId: a.referrerId,
    invitationId: a.invitationId,
    departmentId: a.departmentId,
    employeeId: a.employeeId,
    firstAttendance: a.firstAttendance,
    checkedInAt: a.checkedInAt.toISOString(),
    checkedInBy: a.checkedInBy,
  };
}
