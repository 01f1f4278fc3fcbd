import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@crm/http';
import { MeetingSlot } from './meeting.entity';

/** One class for REST and GraphQL (`ScheduleMeetingInput`). */
@InputType('ScheduleMeetingInput', { description: 'A meeting to plan (J-1)' })
export class CreateMeetingDto {
  @ApiProperty({ example: '2026-03-08', description: 'Business date of the meeting (today or later)' })
  @Field({ description: 'Business date of the meeting (today or later), YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date: string;

  @ApiProperty({ enum: MeetingSlot })
  @Field(() => MeetingSlot, { description: 'The part of the day' })
  @IsEnum(MeetingSlot)
  slot: MeetingSlot;

  @ApiProperty({ example: '会议中心三楼' })
  @Field({ description: 'Where it takes place' })
  @IsString()
  @Length(1, 200)
  venue: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Participating departments; their order is the department order of J-3' })
  @Field(() => [ID], { description: 'Participating departments; their order is the department order of J-3' })
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
