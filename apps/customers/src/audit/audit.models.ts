import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageInfo } from '../support/connection';
import { AuditAction } from './audit-entry.entity';

registerEnumType(AuditAction, { name: 'AuditAction' });

/** P-2: one line of the audit trail, as REST's AuditEntryView (without its free-form detail). */
@ObjectType()
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The employee or partner key id; null when a rule acted' })
  actorId: string | null;

  @Field({ description: "'employee:<id>', 'partner:<key id>' or 'system'" })
  actor: string;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field(() => ID)
  customerId: string;

  @Field()
  at: string;
}

@ObjectType()
export class AuditEntryEdge {
  @Field(() => AuditEntry)
  node: AuditEntry;

  @Field()
  cursor: string;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => [AuditEntry])
  nodes: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
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
