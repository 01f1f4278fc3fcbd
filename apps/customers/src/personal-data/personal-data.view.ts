import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntryEntity } from '../audit/audit-entry.entity';
import type { CustomerEntity } from '../customers/customer.entity';
import type { CustomerHistoryEntity } from '../history/customer-history.entity';

/** `GET /api/v1/personal-data/{customerId}`: what one service holds about a customer (P-3). */
export class PersonalDataView {
  @ApiProperty({ example: 'customers' })
  service: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'customers: {customer (every field, phone in full), history, audit} of the customer',
  })
  data: Record<string, unknown> | null;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z', description: "When customers read it (the suite's clock): the export's time" })
  exportedAt: string;
}

/** `POST /api/v1/customers/{id}/erasure` answers this (202). */
export class ErasureView {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ enum: ['ERASED'], example: 'ERASED' })
  status: 'ERASED';
}

/** Everything customers holds about the person, as plain JSON (the export is the authorised channel: nothing masked). */
export function customersData(c: CustomerEntity, history: CustomerHistoryEntity[], audit: AuditEntryEntity[]): Record<string, unknown> {
  return {
    customer: {
      id: c.id,
      name: c.name,
      phone: c.erased ? null : c.phone,
      gender: c.gender,
      birthDate: c.birthDate,
      address: c.address,
      notes: c.notes,
      source: c.source,
      stage: c.stage,
      valueTier: c.valueTier,
      ownerId: c.ownerId,
      departmentId: c.departmentId,
      referrerId: c.referrerId,
      underServed: c.underServed,
      erased: c.erased,
      assignedAt: c.assignedAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    },
    history: history.map((h) => ({ id: h.id, kind: h.kind, from: h.fromValue, to: h.toValue, cause: h.cause, actorId: h.actorId, at: h.at.toISOString() })),
    audit: audit.map((a) => ({ id: a.id, actor: a.actor, action: a.action, detail: a.detail ?? {}, at: a.at.toISOString() })),
  };
}
