import { Directive, Field, ID, InputType, ObjectType, PartialType, PickType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, IsBoolean } from 'class-validator';
import { PageInfo } from '../support/connection';
import { CustomerSource, CustomerStage, Gender, ValueTier } from './customer.entity';

export { MAX_CONNECTION_PAGE } from '../support/connection';

// GraphQL models are separate from TypeORM entities (architecture.md; the NestJS federation sample's models/).
registerEnumType(CustomerSource, { name: 'CustomerSource' });
registerEnumType(CustomerStage, { name: 'CustomerStage' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(ValueTier, { name: 'ValueTier' });

@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'E.164 for those who may see it (P-1), otherwise masked like 138****5678' })
  phone: string;

  @Field(() => Gender, { nullable: true })
  gender: Gender | null;

  @Field(() => String, { nullable: true })
  birthDate: string | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => CustomerSource)
  source: CustomerSource;

  @Field(() => CustomerStage)
  stage: CustomerStage;

  @Field(() => ValueTier, { nullable: true })
  valueTier: ValueTier | null;

  @Field()
  underServed: boolean;

  @Field()
  createdAt: string;

  @Field(() => ID)
  ownerId: string;

  @Field(() => ID)
  departmentId: string;

  @Field(() => ID, { nullable: true })
  referrerId: string | null;

  @Field({ description: "P-3: the person's data was erased: name is a fixed text, phone empty, gender, birth date and address null" })
  erased: boolean;
}

@ObjectType()
export class CustomerEdge {
  @Field(() => Customer)
  node: Customer;

  @Field()
  cursor: string;
}

@ObjectType()
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges: CustomerEdge[];

  @Field(() => [Customer])
  nodes: Customer[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class HistoryEntry {
  @Field(() => ID)
  id: string;

  @Field()
  kind: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field()
  to: string;

  @Field()
  cause: string;

  @Field()
  at: string;
}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  phone?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field(() => CustomerStage, { nullable: true })
  @IsOptional()
  @IsEnum(CustomerStage)
  stage?: CustomerStage;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  underServed?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}

@InputType()
export class RegisterCustomerInput {
  @Field()
  @IsString()
  @Length(1, 64)
  name: string;

  @Field()
  @IsString()
  @Length(1, 32)
  phone: string;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  birthDate?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  address?: string;

  @Field(() => CustomerSource)
  @IsEnum(CustomerSource)
  source: CustomerSource;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  referrerId?: string;
}

/** The fields updateCustomer may change, each optional, with the same checks as registerCustomer. */
@InputType()
export class UpdateCustomerInput extends PartialType(
  PickType(RegisterCustomerInput, ['name', 'phone', 'gender', 'birthDate', 'address'] as const, InputType),
  InputType,
) {}


@ObjectType({ description: 'A stage or ownership change in a list, with the cursor that continues the list after it' })
export class HistoryEntryEdge {
  @Field(() => HistoryEntry, { description: 'The change' })
  node: HistoryEntry;

  @Field({ description: 'Pass as after to list the changes that follow this one' })
  cursor: string;
}

@ObjectType({ description: "A page of a customer's stage and ownership changes, newest first" })
export class HistoryEntryConnection {
  @Field(() => [HistoryEntryEdge], { description: 'The changes of this page with their cursors' })
  edges: HistoryEntryEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
