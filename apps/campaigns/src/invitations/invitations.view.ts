import { ApiProperty } from '@nestjs/swagger';
import { InvitationEntity, InvitationStatus } from './invitation.entity';

/** A department's invitation of a customer to a meeting, as the API answers it (J-2). */
export class InvitationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'The inviting employee, credited with a sale unless the lock says otherwise (J-10)' })
  employeeId: string;

  @ApiProperty({ format: 'uuid', description: 'The inviting department' })
  departmentId: string;

  @ApiProperty({ enum: InvitationStatus, enumName: 'InvitationStatus', description: 'CONFIRMED: the customer agreed to come (敲定)' })
  status: InvitationStatus;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z', description: 'ISO 8601 instant' })
  invitedAt: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-02T10:00:00.000Z', description: 'ISO 8601 instant; null until confirmed' })
  confirmedAt: string | null;
}

/** The view of an invitation (REST and GraphQL alike): instants as ISO strings. */
export function invitationView(e: InvitationEntity): InvitationView {
  return {
    id: e.id,
    meetingId: e.meetingId,
    customerId: e.customerId,
    employeeId: e.employeeId,
    departmentId: e.departmentId,
    status: e.status,
    invitedAt: e.invitedAt.toISOString(),
    confirmedAt: e.confirmedAt ? e.confirmedAt.toISOString() : null,
  };
}
