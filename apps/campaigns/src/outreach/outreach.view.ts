import { ApiProperty } from '@nestjs/swagger';
import { OutreachEventEntity } from './outreach-event.entity';

/** An outreach event as the API answers it (O-1). */
export class OutreachEventView {
  @ApiProperty({ format: 'uuid', description: 'The outreach event' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The organising department' })
  departmentId: string;

  @ApiProperty({ example: '2026-03-01', description: 'Business date the event took place' })
  date: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The employees who took part; archives collected there are divided among them (O-4)' })
  participantIds: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The employee who recorded it' })
  recordedBy: string | null;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z', description: 'When it was recorded (ISO 8601)' })
  createdAt: string;
}

export function outreachEventView(e: OutreachEventEntity): OutreachEventView {
  return { id: e.id, departmentId: e.departmentId, date: e.date, participantIds: e.participantIds, recordedBy: e.recordedBy, createdAt: e.createdAt.toISOString() };
}
