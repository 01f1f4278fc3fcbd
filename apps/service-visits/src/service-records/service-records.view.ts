import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ShownReadings } from './health-readings';
import { ServiceCategory, ServiceKind, ServiceRecordEntity } from './service-record.entity';

/** A blood-pressure reading (V-1), shown only to the owner and their head (P-1). */
export class ReadingView {
  @ApiProperty({ description: 'Systolic pressure, mmHg', example: 152 })
  systolic: number;

  @ApiProperty({ description: 'Diastolic pressure, mmHg', example: 97 })
  diastolic: number;

  @ApiPropertyOptional({ description: 'Beats per minute', example: 81 })
  pulse?: number;
}

/** A service record as answered: readings only when the viewer may see them (P-1). */
export class ServiceRecordView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'Who served' })
  employeeId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Their department at the time' })
  departmentId: string | null;

  @ApiProperty({ enum: ServiceCategory })
  category: string;

  @ApiProperty({ enum: ServiceKind })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: '免费量血压', description: "Personal data (P-1): for the owner, the owning department's head, the company-wide roles and partners with customers:pii; null otherwise or when there are none" })
  notes: string | null;

  @ApiProperty({ description: 'There are notes this caller may not see (P-1)' })
  notesHidden: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [ReadingView], nullable: true, description: 'The health readings, for the owner and their head only (P-1, every showing audited); null otherwise or when none were taken' })
  readings: ReadingView[] | null;

  @ApiProperty({ description: 'There are readings this caller may not see' })
  readingsHidden: boolean;

  @ApiPropertyOptional({ description: 'Present and true when the stored readings failed authentication (altered, or their key is gone): nothing is shown' })
  readingsUnreadable?: boolean;
}

/** The answer to recording a service: the record, and what it did for V-2 and V-3. */
export class RecordedServiceView extends ServiceRecordView {
  @ApiProperty({ description: 'V-2: this record was a home visit by the owning department' })
  countedAsHomeVisit: boolean;

  @ApiProperty({ description: 'V-3: this record made a planned return visit' })
  completedVisitPlan: boolean;
}

/** A record as a viewer may see it: the readings as HealthReadings showed them, the notes only when `notesShown` (P-1). */
export function serviceRecordView(r: ServiceRecordEntity, shown: ShownReadings, notesShown: boolean): ServiceRecordView {
  return {
    id: r.id,
    customerId: r.customerId,
    employeeId: r.employeeId,
    departmentId: r.departmentId,
    category: r.category,
    kind: r.kind,
    notes: notesShown ? r.notes : null,
    notesHidden: !notesShown && r.notes !== null,
    createdAt: r.createdAt.toISOString(),
    ...shown,
  };
}
