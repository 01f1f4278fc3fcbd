import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@crm/http';
import { ComplaintCause, ComplaintChannel, ComplaintStatus } from './rules/complaint-enums';

/** One class for REST (the body) and GraphQL (`FileComplaintInput`), so both transports check the same way. */
@InputType('FileComplaintInput', { description: 'A complaint to file (C-1): the customer, the employee concerned, a cause and a channel' })
export class FileComplaintDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The customer who complains' })
  @IsUUID()
  customerId: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The employee concerned; the customer's owner when left out" })
  @Field(() => ID, { nullable: true, description: "The employee concerned (C-1); null: the customer's owner" })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiProperty({ enum: ComplaintCause })
  @Field(() => ComplaintCause, { description: 'Why the customer complains (C-1)' })
  @IsEnum(ComplaintCause)
  cause: ComplaintCause;

  @ApiProperty({ enum: ComplaintChannel, description: 'DISCOVERED fines the employee (C-2), TO_GENERAL_MANAGER the employee and the head of the department owning the customer (C-3)' })
  @Field(() => ComplaintChannel, { description: 'How the complaint came to light (C-1): DISCOVERED fines the employee (C-2), TO_GENERAL_MANAGER the employee and the head of the department owning the customer (C-3)' })
  @IsEnum(ComplaintChannel)
  channel: ComplaintChannel;

  @ApiProperty({ example: '上门服务迟到两小时' })
  @Field({ description: 'What the customer complains about, 1..4000 characters' })
  @IsString()
  @Length(1, 4000)
  description: string;
}

@ArgsType()
export class ResolveComplaintDto {
  @ApiProperty({ description: 'What was done (C-5)', example: '部门经理上门致歉, 更换产品' })
  @Field({ description: 'What was done (C-5)' })
  @IsString()
  @Length(1, 4000)
  note: string;
}

@ArgsType()
export class RecordComplaintActionDto {
  @ApiProperty({ description: 'What was done (C-5)', example: '已电话联系顾客致歉, 约定明天上门' })
  @Field({ description: 'What was done (C-5)' })
  @IsString()
  @Length(1, 4000)
  note: string;
}

@ArgsType()
export class ReopenComplaintDto {
  @ApiProperty({ description: 'Why the resolution did not hold', example: '顾客回访不满意' })
  @Field({ description: 'Why the resolution did not hold' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

/** The GraphQL arguments of resolveComplaint: the REST body plus the complaint's id. */
@ArgsType()
export class ResolveComplaintArgs extends ResolveComplaintDto {
  @Field(() => ID, { description: 'The complaint to resolve' })
  @IsUUID()
  id: string;
}

/** The GraphQL arguments of recordComplaintAction: the REST body plus the complaint's id. */
@ArgsType()
export class RecordComplaintActionArgs extends RecordComplaintActionDto {
  @Field(() => ID, { description: 'The complaint the action is about' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ReopenComplaintArgs extends ReopenComplaintDto {
  @Field(() => ID, { description: 'The resolved complaint to reopen' })
  @IsUUID()
  id: string;
}

export class ComplaintsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: ComplaintStatus })
  @IsOptional()
  @IsEnum(ComplaintStatus)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The employee concerned' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** The GraphQL filter of `complaints`, as REST's query of `GET /api/v1/complaints` (the page left out). */
@InputType('ComplaintFilter', { description: 'Which complaints to list; every field narrows, none left out lists all the caller may see' })
export class ComplaintFilterInput {
  @Field(() => ID, { nullable: true, description: 'Complaints about this customer' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => ComplaintStatus, { nullable: true, description: 'Complaints in this state' })
  @IsOptional()
  @IsEnum(ComplaintStatus)
  status?: ComplaintStatus;

  @Field(() => ID, { nullable: true, description: 'Complaints naming this employee (the employee concerned)' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @Field(() => ID, { nullable: true, description: "Complaints filed while the employee concerned was in this department" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
