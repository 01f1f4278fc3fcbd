import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@crm/http';
import { VisitPlanStatus } from './visit-plan.entity';

export class VisitPlansQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Whose visits; the caller when left out (employees see only their own)' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: VisitPlanStatus })
  @IsOptional()
  @IsEnum(VisitPlanStatus)
  status?: VisitPlanStatus;
}
