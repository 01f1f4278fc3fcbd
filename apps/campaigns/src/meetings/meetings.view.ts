import { ApiProperty } from '@nestjs/swagger';
import { MeetingEntity, MeetingSlot } from './meeting.entity';

/** A meeting as the API answers it (J-1). */
export class MeetingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-03-08', description: 'Business date of the meeting' })
  date: string;

  @ApiProperty({ enum: MeetingSlot, enumName: 'MeetingSlot' })
  slot: MeetingSlot;

  @ApiProperty({ example: '会议中心三楼' })
  venue: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Participating departments in the department order of J-3; joint with more than one' })
  departmentIds: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The employee who planned it' })
  createdBy: string | null;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z', description: 'When it was planned (ISO 8601)' })
  createdAt: string;
}

export function meetingView(m: MeetingEntity): MeetingView {
  return { id: m.id, date: m.date, slot: m.slot, venue: m.venue, departmentIds: m.departmentIds, createdBy: m.createdBy, createdAt: m.createdAt.toISOString() };
}
