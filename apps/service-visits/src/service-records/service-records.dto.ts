import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@crm/http';
import { ServiceCategory, ServiceKind } from './service-record.entity';

@InputType('ReadingInput', { description: 'A blood-pressure reading (V-1): stored encrypted, shown only to the owner and their head (P-1)' })
export class ReadingDto {
  @ApiProperty({ minimum: 40, maximum: 300, description: 'Systolic pressure, mmHg' })
  @Field(() => Int, { description: 'Systolic pressure, mmHg, 40..300' })
  @IsInt()
  @Min(40)
  @Max(300)
  systolic: number;

  @ApiProperty({ minimum: 20, maximum: 200, description: 'Diastolic pressure, mmHg' })
  @Field(() => Int, { description: 'Diastolic pressure, mmHg, 20..200' })
  @IsInt()
  @Min(20)
  @Max(200)
  diastolic: number;

  @ApiPropertyOptional({ minimum: 20, maximum: 250, description: 'Beats per minute' })
  @Field(() => Int, { nullable: true, description: 'Beats per minute, 20..250; null when not taken' })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(250)
  pulse?: number;
}

/** One class for REST (the body) and GraphQL (`RecordServiceInput`), so both transports check the same way. */
@InputType('RecordServiceInput', { description: 'A service given to a customer, recorded by the caller (V-1)' })
export class RecordServiceDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The customer served' })
  @IsUUID()
  customerId: string;

  @ApiProperty({ enum: ServiceCategory })
  @Field(() => ServiceCategory, { description: 'When in the sale the service was given (V-1)' })
  @IsEnum(ServiceCategory)
  category: ServiceCategory;

  @ApiProperty({ enum: ServiceKind, description: 'A HOME_VISIT by the owning department counts for V-2; a HOME_VISIT or PHONE_CALL is a return visit (V-3)' })
  @Field(() => ServiceKind, { description: 'What was done: a HOME_VISIT by the owning department counts for V-2; a HOME_VISIT or PHONE_CALL is a return visit (V-3)' })
  @IsEnum(ServiceKind)
  kind: ServiceKind;

  @ApiPropertyOptional({ example: '上门送资料, 讲解使用方法' })
  @Field(() => String, { nullable: true, description: 'What was done, 1..4000 characters; personal data (P-1). Null: no notes' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string;

  @ApiPropertyOptional({ type: [ReadingDto], description: 'Health readings: stored encrypted, shown only to the owner and their head (P-1)' })
  @Field(() => [ReadingDto], { nullable: true, description: 'Health readings, up to 20: stored encrypted, shown only to the owner and their head (P-1). Null: none taken' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReadingDto)
  readings?: ReadingDto[];
}

export class ServiceRecordsQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;
}

/** The GraphQL arguments of `serviceRecords`: REST's query (`customerId`, `limit`, `cursor`) as a connection's. */
@ArgsType()
export class ServiceRecordsArgs {
  @Field(() => ID, { description: 'The customer whose records to list' })
  @IsUUID()
  customerId: string;

  @Field(() => Int, { nullable: true, description: 'How many records, 1..200 (default 50)' })
  @IsOptional()
  @IsInt()
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  after?: string;
}
