import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Role } from '@crm/auth';
import { PageQueryDto } from '@crm/http';
import { LOGIN_PATTERN, normaliseLogin } from '../support/login-name';


// One class per input for REST (the body) and GraphQL (`…Input`), so both transports check the same way.

@InputType('CreateDepartmentInput', { description: 'A department to create; appoint its head with updateDepartment' })
export class CreateDepartmentDto {
  @ApiProperty({ example: '一部' })
  @Field({ description: 'The name, 1..64 characters' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ example: 'D1', description: 'Short unique code' })
  @Field({ description: 'Short unique code' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'code must be 1-16 letters, digits, - or _' })
  code: string;
}

@InputType('UpdateDepartmentInput', { description: 'What to change of a department; a field left out stays as it is' })
export class UpdateDepartmentDto {
  @ApiPropertyOptional({ description: 'The employee who heads the department: an active employee of it' })
  @Field(() => ID, { nullable: true, description: 'The employee who heads the department: an active employee of it' })
  @IsOptional()
  @IsUUID()
  headId?: string;

  @ApiPropertyOptional()
  @Field({ nullable: true, description: 'The new name, 1..64 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}

@InputType('CreateEmployeeInput', { description: 'An employee to create; give a first password with REST (PUT /api/v1/employees/{id}/password)' })
export class CreateEmployeeDto {
  @ApiProperty({ example: '王芳' })
  @Field({ description: 'The name, 1..64 characters' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @Field(() => Role, { description: 'What they do' })
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
@InputType('UpdateEmployeeInput', { description: 'A change of an employee: a new role or department ends their sessions, a new name does not' })
export class UpdateEmployeeDto {
  @ApiPropertyOptional({ example: '王芳' })
  @Field({ nullable: true, description: 'The new name, 1..64 characters; their sessions stay' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @Field(() => Role, { nullable: true, description: 'The new role; ends their sessions' })
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
