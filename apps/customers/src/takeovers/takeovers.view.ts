import { ApiProperty } from '@nestjs/swagger';
import { TakeoverReportEntity, TakeoverStatus } from './takeover-report.entity';

/** A takeover report (V-2) as REST and GraphQL show it. */
export class TakeoverReportView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'The employee of another department who invited the under-served customer' })
  reportingEmployeeId: string;

  @ApiProperty({ format: 'uuid', description: "The reporting employee's department when they invited" })
  reportingDepartmentId: string;

  @ApiProperty({ format: 'uuid', description: 'The invitation that filed the report (one report per invitation)' })
  invitationId: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid', description: 'The owner the customer had when invited' })
  ownerId: string;

  @ApiProperty({ format: 'uuid', description: 'The department that was reported: approval needs the customer still to belong to it' })
  departmentId: string;

  @ApiProperty({ enum: TakeoverStatus, enumName: 'TakeoverStatus' })
  status: TakeoverStatus;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-02T09:00:00.000Z' })
  decidedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The resource director who decided' })
  decidedBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was declined' })
  declineReason: string | null;
}

export function takeoverReportView(r: TakeoverReportEntity): TakeoverReportView {
  return {
    id: r.id,
    customerId: r.customerId,
    reportingEmployeeId: r.reportingEmployeeId,
    reportingDepartmentId: r.reportingDepartmentId,
    invitationId: r.invitationId,
    meetingId: r.meetingId,
    ownerId: r.ownerId,
    departmentId: r.departmentId,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy,
    declineReason: r.declineReason,
  };
}
