import { ApiProperty } from '@nestjs/swagger';
import { PitchConsentEntity, PitchEntity } from './pitch.entities';

const PITCH_ROLES = ['HOLDER', 'ASSISTANT'] as const;

/** An employee presenting products to a customer at a meeting (J-10). */
export class PitchView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'The presenting employee' })
  employeeId: string;

  @ApiProperty({ enum: PITCH_ROLES, enumName: 'PitchRole', description: "HOLDER: holds the invitation; ASSISTANT: the follow-up employee, with the holder's consent" })
  role: 'HOLDER' | 'ASSISTANT';

  @ApiProperty({ example: '2026-03-08T07:00:00.000Z', description: 'ISO 8601 instant' })
  startedAt: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-08T07:20:00.000Z', description: 'ISO 8601 instant; null while presenting' })
  endedAt: string | null;
}

/** The holder's consent that the customer's follow-up employee may help sell (J-10, 借用帮促销售). */
export class PitchConsentView {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: "The customer's follow-up employee who may help sell" })
  assistantId: string;

  @ApiProperty({ format: 'uuid', description: 'The holder who consented' })
  grantedBy: string;

  @ApiProperty({ example: '2026-03-08T07:00:00.000Z', description: 'ISO 8601 instant' })
  grantedAt: string;
}

export function pitchView(p: PitchEntity): PitchView {
  return { id: p.id, meetingId: p.meetingId, customerId: p.customerId, employeeId: p.employeeId, role: p.role, startedAt: p.startedAt.toISOString(), endedAt: p.endedAt ? p.endedAt.toISOString() : null };
}

export function pitchConsentView(c: PitchConsentEntity): PitchConsentView {
  return { meetingId: c.meetingId, customerId: c.customerId, assistantId: c.assistantId, grantedBy: c.grantedBy, grantedAt: c.grantedAt.toISOString() };
}
