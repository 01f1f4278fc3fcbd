import { ApiProperty } from '@nestjs/swagger';
import { CustomerHistoryEntity, HistoryKind } from '../history/customer-history.entity';
import { ERASED_TEXT } from '@crm/events';
import { CustomerEntity, CustomerSource, CustomerStage, Gender, ValueTier } from './customer.entity';
import { maskPhone } from './phone';

/** The customer as the API shows it (docs/api/partners.md), phone masked unless the viewer may see it (P-1). */
export class CustomerView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '李秀英' })
  name: string;

  @ApiProperty({ example: '+8613812345678', description: 'E.164 for those who may see it (P-1), otherwise masked like 138****5678' })
  phone: string;

  @ApiProperty({ description: 'Whether the phone is masked for this viewer (P-1)' })
  phoneMasked: boolean;

  @ApiProperty({ enum: Gender, enumName: 'Gender', nullable: true })
  gender: Gender | null;

  @ApiProperty({ type: String, example: '1956-04-12', nullable: true })
  birthDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ enum: CustomerSource, enumName: 'CustomerSource' })
  source: CustomerSource;

  @ApiProperty({ enum: CustomerStage, enumName: 'CustomerStage', description: 'S-1' })
  stage: CustomerStage;

  @ApiProperty({ enum: ValueTier, enumName: 'ValueTier', nullable: true, description: 'S-2' })
  valueTier: ValueTier | null;

  @ApiProperty({ format: 'uuid', description: 'The owner employee' })
  ownerId: string;

  @ApiProperty({ format: 'uuid', description: "The owner's department" })
  departmentId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The customer who brought this one' })
  referrerId: string | null;

  @ApiProperty({ description: 'V-2, as last published by the service-visits service' })
  underServed: boolean;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ description: "P-3: the person's data was erased: name is a fixed text, phone empty, gender, birth date and address null" })
  erased: boolean;
}

export function customerView(c: CustomerEntity, fullPhone: boolean): CustomerView {
  if (c.erased) return erasedCustomerView(c);
  return {
    id: c.id,
    name: c.name,
    phone: fullPhone ? c.phone : maskPhone(c.phone),
    phoneMasked: !fullPhone,
    gender: c.gender,
    birthDate: c.birthDate,
    address: c.address,
    source: c.source,
    stage: c.stage,
    valueTier: c.valueTier,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    referrerId: c.referrerId,
    underServed: c.underServed,
    createdAt: c.createdAt.toISOString(),
    erased: false,
  };
}

/** P-3: an erased customer keeps its id, ownership and classification, and shows no personal field. */
function erasedCustomerView(c: CustomerEntity): CustomerView {
  return {
    id: c.id,
    name: ERASED_TEXT,
    phone: '',
    phoneMasked: true,
    gender: null,
    birthDate: null,
    address: null,
    source: c.source,
    stage: c.stage,
    valueTier: c.valueTier,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    referrerId: c.referrerId,
    underServed: c.underServed,
    createdAt: c.createdAt.toISOString(),
    erased: true,
  };
}

/** One entry of a customer's history (S-3 stages, ownership), as REST and GraphQL show it. */
export class HistoryEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: HistoryKind, enumName: 'HistoryKind' })
  kind: HistoryKind;

  @ApiProperty({ type: String, nullable: true, description: 'The stage or owner before; null for a first owner' })
  from: string | null;

  @ApiProperty({ description: 'The stage or owner after' })
  to: string;

  @ApiProperty({ example: 'allocation of batch …' })
  cause: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The employee who acted; null when a rule did' })
  actorId: string | null;

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  at: string;
}

/** A customer's history, newest first. */
export class CustomerHistoryView {
  @ApiProperty({ type: [HistoryEntryView] })
  items: HistoryEntryView[];
}

export function historyEntryView(h: CustomerHistoryEntity): HistoryEntryView {
  return { id: h.id, kind: h.kind, from: h.fromValue, to: h.toValue, cause: h.cause, actorId: h.actorId, at: h.at.toISOString() };
}
