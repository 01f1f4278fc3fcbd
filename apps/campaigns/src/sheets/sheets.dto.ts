import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

/** One class for REST (the body) and GraphQL (`SubmitSheetInput`), so both transports check the same way. */
@InputType('SubmitSheetInput')
export class SubmitSheetDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID()
  departmentId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "The department's confirmed invitations of the day" })
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  customerIds: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Planned invitations for the next day (every department but the meeting's first)" })
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  plannedCustomerIds?: string[];
}
