import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '@crm/http';
import { TakeoverStatus } from './takeover-report.entity';

export class TakeoverReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TakeoverStatus, enumName: 'TakeoverStatus', description: 'Only reports in this state; all when absent' })
  @IsOptional()
  @IsEnum(TakeoverStatus)
  status?: TakeoverStatus;
}

export class DeclineTakeoverDto {
  @ApiProperty({ example: 'the owning department has planned a home visit', description: 'Why nothing moves' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
