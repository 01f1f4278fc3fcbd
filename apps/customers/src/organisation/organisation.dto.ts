import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Role } from '@crm/auth';
import { PageQueryDto } from '@crm/http';

export class CreateDepartmentDto {
  @ApiProperty({ example: '一部' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ example: 'D1', description: 'Short unique code' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'code must be 1-16 letters, digits, - or _' })
  code: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional({ description: 'The employee who heads the department' })
  @IsOptional()
  @IsUUID()
  headId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}

export class CreateEmployeeDto {
  @ApiProperty({ example: '王芳' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for employees, heads; none for company-wide roles' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class EmployeeQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
