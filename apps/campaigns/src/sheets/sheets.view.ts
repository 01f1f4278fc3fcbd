import { ApiProperty } from '@nestjs/swagger';
import { ReconciliationEntity, SheetEntity } from './sheet.entities';

/** Another department held the customer first (J-4). */
export class HeldByOtherView {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'The department holding the lock' })
  holderDepartmentId: string;
}

/** A department's daily sheet as received (J-3): when it counts and what it locked. */
export class SheetReceiptView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  departmentId: string;

  @ApiProperty({ example: '2026-03-01T09:00:00.000Z', description: 'ISO 8601 instant' })
  submittedAt: string;

  @ApiProperty({ example: '2026-03-01', description: 'The obligation day it fulfils (J-7)' })
  forDay: string;

  @ApiProperty({ example: '2026-03-01', description: 'The day its customers count for (J-4)' })
  effectiveDay: string;

  @ApiProperty({ description: "Handed in after the day's deadline" })
  late: boolean;

  /** Customers this sheet locked at once (on-time sheets, J-4), or already held by the department. */
  @ApiProperty({ type: [String], format: 'uuid', description: 'Customers this sheet locked at once (on-time sheets, J-4), or already held by the department' })
  locked: string[];

  /** Customers another department held first: the department's listing lost (reported in J-8). */
  @ApiProperty({ type: [HeldByOtherView], description: "Customers another department held first: the department's listing lost (reported in J-8)" })
  heldByOthers: HeldByOtherView[];

  /** Customers claimed by a late sheet, settled at the reconciliation of the effective day. */
  @ApiProperty({ type: [String], format: 'uuid', description: 'Customers claimed by a late sheet, settled at the reconciliation of the effective day' })
  pending: string[];

  /** J-12: the speakers this sheet reserved to the department for the meeting. */
  @ApiProperty({ type: [String], format: 'uuid', description: 'J-12: the speakers this sheet reserved to the department for the meeting' })
  speakers: string[];
}

/** A sheet as handed in (J-3): several a day when the department handed in supplementary sheets. */
export class SheetView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  departmentId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'Who handed it in' })
  submittedBy: string | null;

  @ApiProperty({ example: '2026-03-01T09:00:00.000Z', description: 'ISO 8601 instant' })
  submittedAt: string;

  @ApiProperty({ example: '2026-03-01', description: 'The obligation day it was handed in for (J-7)' })
  forDay: string;

  @ApiProperty({ example: '2026-03-01', description: 'The day its customers count for (J-4)' })
  effectiveDay: string;

  @ApiProperty({ description: "Handed in after the day's deadline" })
  late: boolean;

  @ApiProperty({ type: [String], format: 'uuid', description: "The department's confirmed invitations it lists" })
  customerIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Planned invitations for the next day' })
  plannedCustomerIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'J-12: the customers it lines up to speak or lead others' })
  speakerCustomerIds: string[];
}

export function sheetView(s: SheetEntity): SheetView {
  return {
    id: s.id,
    meetingId: s.meetingId,
    departmentId: s.departmentId,
    submittedBy: s.submittedBy,
    submittedAt: new Date(s.submittedAt).toISOString(),
    forDay: s.forDay,
    effectiveDay: s.effectiveDay,
    late: s.late,
    customerIds: s.customerIds,
    plannedCustomerIds: s.plannedCustomerIds,
    speakerCustomerIds: s.speakerCustomerIds,
  };
}

/** J-8: the reconciliation of one meeting day and its report. */
export class ReconciliationView {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ example: '2026-03-01', description: 'The obligation day reconciled' })
  day: string;

  @ApiProperty({ example: '2026-03-01T10:01:00.000Z', description: 'ISO 8601 instant' })
  reconciledAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What went back to the heads: day, sheets, late and missing departments, duplicates (settled and lost at submission), fines',
  })
  report: Record<string, unknown>;
}

export function reconciliationView(r: ReconciliationEntity): ReconciliationView {
  return { meetingId: r.meetingId, day: r.day, reconciledAt: r.reconciledAt.toISOString(), report: r.report };
}
