import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_COMMENT_LENGTH, MAX_SCORE, MIN_SCORE } from './survey-rules';
import { SurveySubject } from './survey.entity';

const BUSINESS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One class for REST (the body) and GraphQL (`SubmitSurveyInput`); survey-rules.ts holds the rule itself. */
@InputType('SubmitSurveyInput')
export class SubmitSurveyDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @ApiProperty({ enum: SurveySubject })
  @Field(() => SurveySubject)
  @IsEnum(SurveySubject)
  subjectType: SurveySubject;

  @ApiProperty({ format: 'uuid', description: 'The service record (VISIT) or the complaint (COMPLAINT_RESOLUTION)' })
  @Field(() => ID)
  @IsUUID()
  subjectId: string;

  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE })
  @Field(() => Int)
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score: number;

  @ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, MAX_COMMENT_LENGTH)
  comment?: string;
}

@ArgsType()
export class SatisfactionQueryDto {
  @ApiProperty({ description: 'First business day, YYYY-MM-DD' })
  @Field()
  @Matches(BUSINESS_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ description: 'Last business day, YYYY-MM-DD (inclusive)' })
  @Field()
  @Matches(BUSINESS_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  employeeId?: string;
}
