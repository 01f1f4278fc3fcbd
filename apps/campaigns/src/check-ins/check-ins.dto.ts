import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

/** One class for REST and GraphQL (`CheckInInput`). */
@InputType('CheckInInput', { description: 'A customer to check in at a meeting (J-9)' })
export class CheckInDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The customer checked in' })
  @IsUUID()
  customerId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The existing customer who brought them (J-9)' })
  @Field(() => ID, { nullable: true, description: 'The existing customer who brought them (J-9)' })
  @IsOptional()
  @IsUUID()
  referrerId?: string;
}
