import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '@crm/http';

/** Largest amount of one sale or refund: 100 million yuan, far above any real one, far below 2^53 fen. */
export const MAX_AMOUNT_FEN = 10_000_000_000;

@InputType('RecordSaleInput', { description: 'A sale at a meeting (J-10)' })
export class RecordSaleDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The buyer' })
  @IsUUID()
  customerId: string;

  @ApiProperty({ example: 128000, description: 'Amount in fen (1 yuan = 100 fen), a positive integer' })
  @Field(() => Float, { description: 'fen, an integer (GraphQL Int stops at 2^31)' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_FEN)
  amountFen: number;
}

@InputType('RefundSaleInput', { description: 'A refund of all or part of a sale' })
export class RefundSaleDto {
  @ApiProperty({ example: 50000, description: 'Amount in fen, a positive integer, at most what is left of the sale' })
  @Field(() => Float, { description: 'fen, an integer (GraphQL Int stops at 2^31)' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_FEN)
  amountFen: number;
}

export class SaleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The credited department; staff of a department always see their own' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}
