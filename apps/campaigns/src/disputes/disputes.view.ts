import { ApiProperty } from '@nestjs/swagger';
import { DisputeEntity, DisputeStatus } from './dispute.entities';

/** A dispute between departments at a meeting and its ruling (J-11), as the API answers it. */
export class DisputeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The customer the conflict is about' })
  customerId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The employees in conflict, of at least two departments' })
  partyEmployeeIds: string[];

  @ApiProperty({ example: '两部员工对顾客归属有争议' })
  description: string;

  @ApiProperty({ description: 'J-11: argued in front of customers (each party fined 100 yuan)' })
  arguedInFrontOfCustomers: boolean;

  @ApiProperty({ enum: DisputeStatus, enumName: 'DisputeStatus', description: 'ESCALATED: the general manager rules' })
  status: DisputeStatus;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The employee who recorded it' })
  recordedBy: string | null;

  @ApiProperty({ example: '2026-03-08T07:00:00.000Z', description: 'ISO 8601 instant' })
  recordedAt: string;

  @ApiProperty({ type: String, nullable: true, example: '顾客判为二部邀约' })
  ruling: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The department the ruling finds for' })
  awardedDepartmentId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: "J-11: the employee credited with the customer's sales at the meeting by the award" })
  awardedEmployeeId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true })
  ruledBy: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-09T07:00:00.000Z', description: 'ISO 8601 instant' })
  ruledAt: string | null;
}

export function disputeView(d: DisputeEntity): DisputeView {
  return {
    id: d.id,
    meetingId: d.meetingId,
    customerId: d.customerId,
    partyEmployeeIds: d.partyEmployeeIds,
    description: d.description,
    arguedInFrontOfCustomers: d.arguedInFrontOfCustomers,
    status: d.status,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
    ruling: d.ruling,
    awardedDepartmentId: d.awardedDepartmentId,
    awardedEmployeeId: d.awardedEmployeeId,
    ruledBy: d.ruledBy,
    ruledAt: d.ruledAt ? d.ruledAt.toISOString() : null,
  };
}
