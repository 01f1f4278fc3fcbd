import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID } from 'class-validator';

/** One class for REST (the body) and GraphQL (`SubmitSheetInput`), so both transports check the same way. */
@InputType('SubmitSheetInput', { description: "A department's daily sheet of a joint meeting (J-3)" })
export class SubmitSheetDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The department handing it in' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "The department's confirmed invitations of the day" })
  @Field(() => [ID], { description: "The department's confirmed invitations of the day" })
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  customerIds: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Planned invitations for the next day (every department but the meeting's first)" })
  @Field(() => [ID], { nullable: true, description: "Planned invitations for the next day (every department but the meeting's first)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  plannedCustomerIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'J-12: customers lined up to speak or to lead others (发言、带动顾客), each listed on this sheet; reserved to the department for the meeting',
  })
  @Field(() => [ID], { nullable: true, description: 'J-12: customers lined up to speak or to lead others, each listed on this sheet; reserved to the department for the meeting' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  speakerCustomerIds?: string[];
}

/** `GET /meetings/{id}/sheets?day=&departmentId=` */
export class SheetQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'The obligation day the sheets were handed in for (YYYY-MM-DD); every day when absent' })
  @IsOptional()
  @IsString()
  day?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One department's sheets (company-wide roles); staff see their own department's" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
