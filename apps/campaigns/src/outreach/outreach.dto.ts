import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsUUID, Length } from 'class-validator';

/** One class for REST and GraphQL (`RecordOutreachEventInput`). */
@InputType('RecordOutreachEventInput', { description: 'An outreach event and its participants (O-1)' })
export class RecordOutreachEventDto {
  @ApiProperty({ format: 'uuid', description: 'The organising department' })
  @Field(() => ID, { description: 'The organising department' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ example: '2026-03-01', description: 'Business date the event took place (not in the future)' })
  @Field({ description: 'Business date the event took place (not in the future), YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Employees of the department who took part' })
  @Field(() => [ID], { description: 'Employees of the department who took part' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds: string[];
}
