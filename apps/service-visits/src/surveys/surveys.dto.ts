import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_COMMENT_LENGTH, MAX_SCORE, MIN_SCORE } from './survey-rules';
import { SurveySubject } from './survey.entity';

const BUSINESS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One class for REST (the body) and GraphQL (`SubmitSurveyInput`); survey-rules.ts holds the rule itself. */
@InputType('SubmitSurveyInput', { description: "A customer's satisfaction with a visit or a complaint resolution (V-4)" })
export class SubmitSurveyDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The customer who answers' })
  @IsUUID()
  customerId: string;

  @ApiProperty({ enum: SurveySubject })
  @Field(() => SurveySubject, { description: 'What the survey follows: a visit or a complaint resolution (V-4)' })
  @IsEnum(SurveySubject)
  subjectType: SurveySubject;

  @ApiProperty({ format: 'uuid', description: 'The service record (VISIT) or the complaint (COMPLAINT_RESOLUTION)' })
  @Field(() => ID, { description: 'The service record (VISIT) or the complaint (COMPLAINT_RESOLUTION)' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE })
  @Field(() => Int, { description: `How satisfied the customer is, ${MIN_SCORE} (least) to ${MAX_SCORE} (most)` })
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score: number;

  @ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH })
  @Field(() => String, { nullable: true, description: `The customer's comment, up to ${MAX_COMMENT_LENGTH} characters; null: none` })
  @IsOptional()
  @IsString()
  @Length(1, MAX_COMMENT_LENGTH)
  comment?: string;
}

@ArgsType()
export class SatisfactionQueryDto {
  @ApiProperty({ description: 'First business day, YYYY-MM-DD' })
  @Field({ description: 'First business day, YYYY-MM-DD' })
  @Matches(BUSINESS_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ description: 'Last business day, YYYY-MM-DD (inclusive)' })
  @Field({ description: 'Last business day, YYYY-MM-DD (inclusive)' })
  @Matches(BUSINESS_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Field(() => ID, { nullable: true, description: 'Only this department; left out: every department the caller may see' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Field(() => ID, { nullable: true, description: 'Only this employee; left out: every employee the caller may see' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;
}
