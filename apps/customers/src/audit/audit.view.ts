import { ApiProperty } from '@nestjs/swagger';
import { AuditAction, AuditEntryEntity } from './audit-entry.entity';

/** One line of the P-2 audit trail: who did what to whose data, and when. */
export class AuditEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The employee or partner key id; null when a rule acted (system)' })
  actorId: string | null;

  @ApiProperty({ example: 'employee:7f0c4a6e-0000-4000-8000-000000000001', description: "'employee:<id>', 'partner:<key id>' or 'system'" })
  actor: string;

  @ApiProperty({ enum: AuditAction, enumName: 'AuditAction' })
  action: AuditAction;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  at: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What: the fields read ({fields, service}) or the ownership change ({from, to, cause, causeId}); ids only',
  })
  detail: Record<string, unknown>;
}

/** The id in an actor `employee:<id>` / `partner:<id>`, null for `system`. */
export function actorIdOf(actor: string): string | null {
  const colon = actor.indexOf(':');
  return colon === -1 ? null : actor.slice(colon + 1);
}

export function auditEntryView(a: AuditEntryEntity): AuditEntryView {
  return { id: a.id, actorId: actorIdOf(a.actor), actor: a.actor, action: a.action, customerId: a.subjectId, at: a.at.toISOString(), detail: a.detail ?? {} };
}
