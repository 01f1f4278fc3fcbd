import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MeetingSlot } from './meeting.entity';

export class CreateMeetingDto {
  @ApiProperty({ example: '2026-03-08', description: 'Business date of the meeting (today or later)' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date: string;

  @ApiProperty({ enum: MeetingSlot })
  @IsEnum(MeetingSlot)
  slot: MeetingSlot;

  @ApiProperty({ example: '会议中心三楼' })
  @IsString()
  @Length(1, 200)
  venue: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Participating departments; their order is the department order of J-3' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds: string[];
}

export class MeetingQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Meetings on or after this date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  from?: string;

  @ApiPropertyOptional({ description: 'Meetings of this department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
