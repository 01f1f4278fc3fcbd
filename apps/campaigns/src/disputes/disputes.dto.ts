import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** One class for REST and GraphQL (`RaiseDisputeInput`). */
@InputType('RaiseDisputeInput', { description: 'A dispute between departments at a meeting (J-11)' })
export class RecordDisputeDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The employees in conflict, of at least two departments' })
  @Field(() => [ID], { description: 'The employees in conflict, of at least two departments' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partyEmployeeIds: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The customer the conflict is about' })
  @Field(() => ID, { nullable: true, description: 'The customer the conflict is about' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiProperty({ example: '两部员工对顾客归属有争议' })
  @Field({ description: 'What the conflict is' })
  @IsString()
  @Length(1, 2000)
  description: string;

  @ApiProperty({ description: 'J-11: argued in front of customers (fines each party 100 yuan)' })
  @Field({ description: 'J-11: argued in front of customers (fines each party 100 yuan)' })
  @IsBoolean()
  arguedInFrontOfCustomers: boolean;
}

export const RULING_OUTCOMES = ['RULED', 'ESCALATED'] as const;

/** The outcomes of a ruling, as a GraphQL enum (`DisputeRulingOutcome`). */
export const DisputeRulingOutcome = { RULED: 'RULED', ESCALATED: 'ESCALATED' } as const;
registerEnumType(DisputeRulingOutcome, {
  name: 'DisputeRulingOutcome',
  description: 'RULED settles the dispute; ESCALATED hands it to the general manager (J-11)',
});

/** One class for REST and GraphQL (`RuleOnDisputeInput`). */
@InputType('RuleOnDisputeInput', { description: 'A ruling of a dispute, or its escalation (J-11)' })
export class RuleDisputeDto {
  @ApiProperty({ enum: RULING_OUTCOMES, description: 'RULED settles it; ESCALATED hands it to the general manager' })
  @Field(() => DisputeRulingOutcome, { description: 'RULED settles it; ESCALATED hands it to the general manager' })
  @IsIn(RULING_OUTCOMES)
  outcome: (typeof RULING_OUTCOMES)[number];

  @ApiProperty({ example: '顾客判为二部邀约' })
  @Field({ description: 'The ruling, in words' })
  @IsString()
  @Length(1, 2000)
  ruling: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The department the ruling finds for; with RULED and the dispute's customer, the customer's lock and sales credit at the meeting move to it (J-11)" })
  @Field(() => ID, { nullable: true, description: "The department the ruling finds for; with RULED and the dispute's customer, the customer's lock and sales credit at the meeting move to it (J-11)" })
  @IsOptional()
  @IsUUID()
  awardedDepartmentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The employee of the awarded department credited with the customer's sales; by default the one of that department who invited the customer, else its head",
  })
  @Field(() => ID, { nullable: true, description: "The employee of the awarded department credited with the customer's sales; by default the one who invited the customer, else its head" })
  @IsOptional()
  @IsUUID()
  awardedEmployeeId?: string;
}
