import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@crm/http';
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

export class MeetingQueryDto extends PageQueryDto {
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
