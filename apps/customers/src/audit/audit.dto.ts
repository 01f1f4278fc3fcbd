import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@crm/http';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries about this customer' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries of this actor: an employee id or a partner key id' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00.000Z', description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01T00:00:00.000Z', description: 'Until this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
