import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Role } from '@crm/auth';
import { PageQueryDto } from '@crm/http';

/** What an employee signs in with: trimmed and lower-cased before it is checked and stored. */
export const LOGIN_PATTERN = /^[a-z0-9._@-]{3,64}$/;

/** Trims and lower-cases a login as it arrives (REST body and GraphQL input alike). */
export function normaliseLogin(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

// One class per input for REST (the body) and GraphQL (`…Input`), so both transports check the same way.

@InputType('CreateDepartmentInput')
export class CreateDepartmentDto {
  @ApiProperty({ example: '一部' })
  @Field()
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ example: 'D1', description: 'Short unique code' })
  @Field({ description: 'Short unique code' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'code must be 1-16 letters, digits, - or _' })
  code: string;
}

@InputType('UpdateDepartmentInput')
export class UpdateDepartmentDto {
  @ApiPropertyOptional({ description: 'The employee who heads the department: an active employee of it' })
  @Field(() => ID, { nullable: true, description: 'The employee who heads the department: an active employee of it' })
  @IsOptional()
  @IsUUID()
  headId?: string;

  @ApiPropertyOptional()
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}

@InputType('CreateEmployeeInput')
export class CreateEmployeeDto {
  @ApiProperty({ example: '王芳' })
  @Field()
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for employees, heads; none for company-wide roles' })
  @Field(() => ID, { nullable: true, description: 'Required for employees, heads; none for company-wide roles' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: 'wangfang', description: 'What the employee signs in with: 3-64 letters, digits, . _ - or @; trimmed, stored lower-case, unique (409 LOGIN_TAKEN)' })
  @Field({ nullable: true, description: 'What the employee signs in with: 3-64 letters, digits, . _ - or @; stored lower-case, unique' })
  @IsOptional()
  @Transform(({ value }) => normaliseLogin(value))
  @IsString()
  @Matches(LOGIN_PATTERN, { message: 'login must be 3-64 letters, digits, ., _, - or @' })
  login?: string;
}

/**
 * A change of an employee (PATCH): a new role or department ends their sessions (the session version goes up), a
 * new name does not. `departmentId: null` takes a company-wide role out of its department.
 */
@InputType('UpdateEmployeeInput')
export class UpdateEmployeeDto {
  @ApiPropertyOptional({ example: '王芳' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The new department; null for none (company-wide roles only)' })
  @Field(() => ID, { nullable: true, description: 'The new department; null for none (company-wide roles only)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ example: 'wangfang', description: 'Give or change the sign-in name (same rules as at creation); their sessions stay' })
  @Field({ nullable: true, description: 'Give or change the sign-in name (same rules as at creation); their sessions stay' })
  @IsOptional()
  @Transform(({ value }) => normaliseLogin(value))
  @IsString()
  @Matches(LOGIN_PATTERN, { message: 'login must be 3-64 letters, digits, ., _, - or @' })
  login?: string;
}

export class EmployeeQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'true: only active employees; false: only deactivated ones; left out: everyone' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
