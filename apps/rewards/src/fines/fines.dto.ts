import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@crm/http';

export class FinesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The employee's fines" })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The department's fines" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class FineTotalsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First business day of the period (default: a year of months back)' })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last business day of the period (default: today)' })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  to?: string;
}
