import { Directive, Field, ID, InputType, ObjectType, PartialType, PickType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, IsBoolean } from 'class-validator';
import { PageInfo } from '../support/connection';
import { CustomerSource, CustomerStage, Gender, ValueTier } from './customer.entity';

export { MAX_CONNECTION_PAGE } from '../support/connection';

// GraphQL models are separate from TypeORM entities (architecture.md; the NestJS federation sample's models/).
registerEnumType(CustomerSource, {
  name: 'CustomerSource',
  description: 'How the customer came to the company',
  valuesMap: {
    OUTREACH: { description: 'An outreach event (科普), entered by the CRM centre (O-1, O-2)' },
    REFERRAL: { description: 'Brought by an existing customer (the referrer)' },
    WALK_IN: { description: 'Came in by themselves' },
    HOTLINE: { description: 'Called the hotline' },
    WEBSITE: { description: 'Through the website' },
    PARTNER: { description: 'Through an integration partner' },
    OTHER: { description: 'Any other way' },
  },
});
registerEnumType(CustomerStage, {
  name: 'CustomerStage',
  description: "The customer's stage (S-1): the first of PROBLEM, CHURNED, LOYAL, NEW, POTENTIAL that holds",
  valuesMap: {
    POTENTIAL: { description: 'None of the others (including customers who have never bought)' },
    NEW: { description: 'The first purchase was within the last 90 days' },
    LOYAL: { description: '3 or more purchases in the last 365 days' },
    PROBLEM: { description: 'An unresolved complaint, or one resolved within the last 30 days' },
    CHURNED: { description: 'Bought before, nothing in the last 365 days and no meeting attended in the last 180 days' },
  },
});
registerEnumType(Gender, {
  name: 'Gender',
  description: "The customer's gender, as the archive gives it",
  valuesMap: { MALE: { description: 'Male' }, FEMALE: { description: 'Female' } },
});
registerEnumType(ValueTier, {
  name: 'ValueTier',
  description: 'The value tier by spend over the trailing 365 days (S-2, 二八理论)',
  valuesMap: {
    A: { description: 'The top 20% of spending customers' },
    B: { description: 'The next 30%' },
    C: { description: 'The rest of those who spent' },
  },
});

@ObjectType({ description: 'A customer of the company, owned by one employee and through them one department' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID, { description: 'The customer' })
  id: string;

  @Field({ description: 'The name; a fixed text once erased (P-3)' })
  name: string;

  @Field({ description: 'E.164 for those who may see it (P-1), otherwise masked like 138****5678' })
  phone: string;

  @Field(() => Gender, { nullable: true, description: 'Null when not given, or erased (P-3)' })
  gender: Gender | null;

  @Field(() => String, { nullable: true, description: 'Date of birth, YYYY-MM-DD; null when not given, or erased (P-3)' })
  birthDate: string | null;

  @Field(() => String, { nullable: true, description: 'Home address; null when not given, or erased (P-3)' })
  address: string | null;

  @Field(() => CustomerSource, { description: 'How the customer came to the company' })
  source: CustomerSource;

  @Field(() => CustomerStage, { description: 'The stage (S-1), recomputed on every relevant event and every night' })
  stage: CustomerStage;

  @Field(() => ValueTier, { nullable: true, description: 'The value tier (S-2); null without spend in the trailing 365 days' })
  valueTier: ValueTier | null;

  @Field({ description: 'Neither a meeting attended nor a home visit by the owning department in the last 90 days (V-2)' })
  underServed: boolean;

  @Field({ description: 'ISO 8601 instant the customer was registered' })
  createdAt: string;

  @Field(() => ID, { description: 'The owner: the employee who follows the customer up' })
  ownerId: string;

  @Field(() => ID, { description: "The owning department, the owner's" })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'The existing customer who brought this one; null when none did' })
  referrerId: string | null;

  @Field({ description: "P-3: the person's data was erased: name is a fixed text, phone empty, gender, birth date and address null" })
  erased: boolean;
}

@ObjectType({ description: 'A customer in a list, with the cursor that continues the list after it' })
export class CustomerEdge {
  @Field(() => Customer, { description: 'The customer' })
  node: Customer;

  @Field({ description: 'Pass as after to list the customers that follow this one' })
  cursor: string;
}

@ObjectType({ description: 'A page of customers, oldest registration first' })
export class CustomerConnection {
  @Field(() => [CustomerEdge], { description: 'The customers of this page with their cursors' })
  edges: CustomerEdge[];

  @Field(() => [Customer], { description: 'The customers of this page, without cursors' })
  nodes: Customer[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}

@ObjectType({ description: "A change of a customer's stage (S-3) or owner" })
export class HistoryEntry {
  @Field(() => ID, { description: 'The change' })
  id: string;

  @Field({ description: 'What changed: STAGE or OWNER' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'The stage or owner before; null for a first owner' })
  from: string | null;

  @Field({ description: 'The stage or owner after' })
  to: string;

  @Field({ description: 'Why it changed (S-3), for example the allocation of a batch or a transfer' })
  cause: string;

  @Field({ description: 'ISO 8601 instant of the change' })
  at: string;
}

@InputType({ description: 'Which customers to list; every field narrows, none given lists all' })
export class CustomerFilter {
  @Field({ nullable: true, description: 'Customers with this phone (a mainland mobile, normalised to E.164 first)' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  phone?: string;

  @Field(() => ID, { nullable: true, description: 'Customers this employee owns' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => ID, { nullable: true, description: 'Customers this department owns' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field(() => CustomerStage, { nullable: true, description: 'Customers in this stage (S-1)' })
  @IsOptional()
  @IsEnum(CustomerStage)
  stage?: CustomerStage;

  @Field({ nullable: true, description: 'Customers flagged under-served (true) or not (false) (V-2)' })
  @IsOptional()
  @IsBoolean()
  underServed?: boolean;

  @Field({ nullable: true, description: 'Customers whose name starts with this text (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}

@InputType({ description: 'A customer to register; the phone is their identity (O-3)' })
export class RegisterCustomerInput {
  @Field({ description: 'The name, 1..64 characters' })
  @IsString()
  @Length(1, 64)
  name: string;

  @Field({ description: 'A mainland mobile phone, stored as E.164; one already registered answers CUSTOMER_PHONE_EXISTS (O-3)' })
  @IsString()
  @Length(1, 32)
  phone: string;

  @Field(() => Gender, { nullable: true, description: 'Null: not given' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @Field({ nullable: true, description: 'Date of birth, YYYY-MM-DD; null: not given' })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  birthDate?: string;

  @Field({ nullable: true, description: 'Home address, up to 200 characters; null: not given' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  address?: string;

  @Field(() => CustomerSource, { description: 'How the customer came to the company' })
  @IsEnum(CustomerSource)
  source: CustomerSource;

  @Field(() => ID, { nullable: true, description: 'The owner; null: the calling employee becomes the owner (OWNER_NOT_FOUND for a caller who is not one)' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => ID, { nullable: true, description: 'The existing customer who brought this one; null: none did' })
  @IsOptional()
  @IsUUID()
  referrerId?: string;
}

/** The fields updateCustomer may change, each optional, with the same checks as registerCustomer. */
@InputType({ description: "The customer's data to change; a field left out stays as it is" })
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
