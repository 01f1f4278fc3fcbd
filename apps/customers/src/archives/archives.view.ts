import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** How a duplicate row is kept in the batch's report (O-3). */
export interface BatchDuplicate {
  row: number;
  /** E.164, stored whole; masked per viewer when shown (P-1). */
  phone: string;
  duplicateOf: 'EXISTING_CUSTOMER' | 'EARLIER_ROW';
  /** The customer the phone belongs to (for EARLIER_ROW, the one the earlier row created). */
  customerId: string | null;
  duplicateOfRow: number | null;
}

export interface BatchInvalid {
  row: number;
  field: string;
  code: string;
  reason: string;
}

/** The customers one participant got (O-4). */
export class EmployeeAllocationView {
  @ApiProperty({ format: 'uuid' })
  employeeId: string;

  @ApiProperty({ type: [String], description: 'In the batch row order' })
  customerIds: string[];
}

/** An archive batch's O-4 allocation, open to inspection (公开). */
export class AllocationView {
  @ApiProperty({ format: 'uuid' })
  batchId: string;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  allocatedAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The head who allocated' })
  allocatedBy: string | null;

  @ApiProperty({ type: [EmployeeAllocationView], description: 'One entry per participant, by employee id' })
  allocations: EmployeeAllocationView[];
}

/** A new customer the batch created, and (once allocated) who got it. */
export class BatchCustomerView {
  @ApiProperty({ description: '1-based row of the batch' })
  row: number;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  employeeId: string | null;
}

/** An O-3 duplicate row. */
export class BatchDuplicateView {
  @ApiProperty()
  row: number;

  @ApiProperty({ description: 'E.164 for those who may see it (P-1), otherwise masked' })
  phone: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The customer the phone belongs to' })
  customerId: string | null;

  @ApiProperty({ enum: ['EXISTING_CUSTOMER', 'EARLIER_ROW'] })
  duplicateOf: 'EXISTING_CUSTOMER' | 'EARLIER_ROW';

  @ApiProperty({ type: Number, nullable: true, description: 'For EARLIER_ROW: the accepted row with this phone' })
  duplicateOfRow: number | null;
}

/** An O-3 invalid row: one entry per problem. */
export class BatchInvalidView {
  @ApiProperty()
  row: number;

  @ApiProperty({ example: 'birthDate' })
  field: string;

  @ApiProperty({ example: 'INVALID_DATE' })
  code: string;

  @ApiProperty()
  reason: string;
}

/** The report of an archive batch (O-3) with its allocation (O-4). */
export class ArchiveBatchReportView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  outreachEventId: string;

  @ApiProperty({ format: 'uuid', description: 'The organising department' })
  departmentId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  submittedBy: string | null;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  submittedAt: string;

  @ApiProperty({ description: 'New customers the batch created' })
  accepted: number;

  @ApiProperty({ type: [BatchCustomerView] })
  customers: BatchCustomerView[];

  @ApiProperty({ type: [BatchDuplicateView] })
  duplicates: BatchDuplicateView[];

  @ApiProperty({ type: [BatchInvalidView] })
  invalid: BatchInvalidView[];

  @ApiProperty({ type: AllocationView, nullable: true })
  allocation: AllocationView | null;

  @ApiPropertyOptional({ type: [String], description: 'On entry only: CSV header cells that name no archive column' })
  ignoredColumns?: string[];
}
