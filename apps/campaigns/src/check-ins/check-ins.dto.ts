import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

/** One class for REST and GraphQL (`CheckInInput`). */
@InputType('CheckInInput')
export class CheckInDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The existing customer who brought them (J-9)' })
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  referrerId?: string;
}
