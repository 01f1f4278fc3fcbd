import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';

/** One archive record as GraphQL sends it: the JSON form of a REST batch's `records[]` row (O-2). */
@InputType('ArchiveRecordInput', { description: 'One archive record of an outreach event (O-2); each problem is reported per row, not refused' })
export class ArchiveRecordInput {
  @Field({ description: "The person's name" })
  @IsString()
  name: string;

  @Field({ description: 'A mainland mobile number, any common spelling (O-3 dedupes by it)' })
  @IsString()
  phone: string;

  @Field(() => String, { nullable: true, description: '男/女 or MALE/FEMALE' })
  @IsOptional()
  @IsString()
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Where they live' })
  @IsOptional()
  @IsString()
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Anything else the archive says' })
  @IsOptional()
  @IsString()
  notes?: string | null;
}

@InputType('ImportArchiveBatchInput', { description: 'The archives of an outreach event, as the JSON body of POST /api/v1/archive-batches' })
export class ImportArchiveBatchInput {
  @Field(() => ID, { description: 'The outreach event (O-1) where the archives were collected' })
  @IsString()
  outreachEventId: string;

  @Field(() => [ArchiveRecordInput], { description: 'The records; row 1 is records[0]' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ArchiveRecordInput)
  records: ArchiveRecordInput[];
}

@ObjectType({ description: 'The customers one participant got (O-4)' })
export class EmployeeAllocation {
  @Field(() => ID, { description: 'The participant' })
  employeeId: string;

  @Field(() => [ID], { description: 'Their new customers, in the batch row order' })
  customerIds: string[];
}

@ObjectType({ description: "An archive batch's O-4 allocation, open to inspection (公开)" })
export class ArchiveAllocation {
  @Field(() => ID, { description: 'The batch' })
  batchId: string;

  @Field({ description: 'ISO 8601 instant of the allocation' })
  allocatedAt: string;

  @Field(() => ID, { nullable: true, description: 'The head who allocated' })
  allocatedBy: string | null;

  @Field(() => [EmployeeAllocation], { description: 'One entry per participant' })
  allocations: EmployeeAllocation[];
}

@ObjectType({ description: 'A new customer the batch created, and (once allocated) who got it' })
export class BatchCustomer {
  @Field(() => Int, { description: '1-based row of the batch' })
  row: number;

  @Field(() => ID, { description: 'The new customer' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'Who got it (O-4); null before the allocation' })
  employeeId: string | null;
}

@ObjectType({ description: 'An O-3 duplicate row' })
export class BatchDuplicate {
  @Field(() => Int, { description: '1-based row of the batch' })
  row: number;

  @Field({ description: 'E.164 for those who may see it (P-1), otherwise masked' })
  phone: string;

  @Field(() => ID, { nullable: true, description: 'The customer the phone belongs to' })
  customerId: string | null;

  @Field({ description: 'EXISTING_CUSTOMER or EARLIER_ROW' })
  duplicateOf: string;

  @Field(() => Int, { nullable: true, description: 'For EARLIER_ROW: the accepted row with this phone' })
  duplicateOfRow: number | null;
}

@ObjectType({ description: 'An O-3 invalid row: one entry per problem' })
export class BatchInvalid {
  @Field(() => Int, { description: '1-based row of the batch' })
  row: number;

  @Field({ description: 'The field at fault, e.g. birthDate' })
  field: string;

  @Field({ description: 'What is wrong, e.g. INVALID_DATE' })
  code: string;

  @Field({ description: 'What is wrong, in words' })
  reason: string;
}

@ObjectType({ description: 'The report of an archive batch (O-3) with its allocation (O-4), as REST answers it' })
export class ArchiveBatch {
  @Field(() => ID, { description: 'The batch' })
  id: string;

  @Field(() => ID, { description: 'The outreach event (O-1)' })
  outreachEventId: string;

  @Field(() => ID, { description: 'The organising department' })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'Who entered it' })
  submittedBy: string | null;

  @Field({ description: 'ISO 8601 instant it was entered' })
  submittedAt: string;

  @Field(() => Int, { description: 'New customers the batch created' })
  accepted: number;

  @Field(() => [BatchCustomer], { description: 'The new customers, by row' })
  customers: BatchCustomer[];

  @Field(() => [BatchDuplicate], { description: 'Rows whose phone is already a customer or an earlier row (O-3)' })
  duplicates: BatchDuplicate[];

  @Field(() => [BatchInvalid], { description: 'Rows with problems (O-2)' })
  invalid: BatchInvalid[];

  @Field(() => ArchiveAllocation, { nullable: true, description: 'The allocation (O-4); null before it' })
  allocation: ArchiveAllocation | null;
}
