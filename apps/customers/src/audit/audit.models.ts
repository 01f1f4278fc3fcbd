import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageInfo } from '../support/connection';
import { AuditAction } from './audit-entry.entity';

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audited act did (P-2, P-3)',
  valuesMap: {
    READ_PERSONAL_DATA: { description: 'Full personal data was shown (P-1, P-2)' },
    OWNER_CHANGED: { description: 'The customer got a new owner' },
    API_KEY_ISSUED: { description: 'A partner API key was issued' },
    API_KEY_REVOKED: { description: 'A partner API key was revoked' },
    EXPORT: { description: "The customer's personal data was exported (P-3)" },
    ERASURE: { description: "The customer's personal data was erased, with the reason given (P-3)" },
  },
});

/** P-2: one line of the audit trail, as REST's AuditEntryView (without its free-form detail). */
@ObjectType({ description: 'One line of the audit trail (P-2): who read full personal data or changed ownership, what, and when' })
export class AuditEntry {
  @Field(() => ID, { description: 'The entry' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The employee or partner key id; null when a rule acted' })
  actorId: string | null;

  @Field({ description: "'employee:<id>', 'partner:<key id>' or 'system'" })
  actor: string;

  @Field(() => AuditAction, { description: 'What was done' })
  action: AuditAction;

  @Field(() => ID, { description: 'The subject: the customer concerned (for API key actions, the key)' })
  customerId: string;

  @Field({ description: 'ISO 8601 instant' })
  at: string;
}

@ObjectType({ description: 'An audit entry in a list, with the cursor that continues the list after it' })
export class AuditEntryEdge {
  @Field(() => AuditEntry, { description: 'The entry' })
  node: AuditEntry;

  @Field({ description: 'Pass as after to list the entries that follow this one' })
  cursor: string;
}

@ObjectType({ description: 'A page of the audit trail, oldest first' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries of this page with their cursors' })
  edges: AuditEntryEdge[];

  @Field(() => [AuditEntry], { description: 'The entries of this page, without cursors' })
  nodes: AuditEntry[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}

@InputType({ description: 'Which audit entries to list; every field narrows, none given lists all' })
export class AuditFilterInput {
  @Field(() => ID, { nullable: true, description: 'Entries about this customer' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'An employee id or a partner key id' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field({ nullable: true, description: 'Inclusive ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field({ nullable: true, description: 'Exclusive ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
