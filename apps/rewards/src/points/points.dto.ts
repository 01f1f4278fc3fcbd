import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

/** Largest redemption: far above any gift, far below the integer columns' limit. */
export const MAX_REDEMPTION_POINTS = 100_000_000;

@ArgsType()
export class RedeemPointsDto {
  @ApiProperty({ example: 500, description: 'Points to take from the balance, a positive integer' })
  @Field(() => Int, { description: 'Points to take from the balance, a positive integer' })
  @IsInt()
  @Min(1)
  @Max(MAX_REDEMPTION_POINTS)
  points: number;

  @ApiProperty({ example: '电饭煲', description: 'The gift the points are exchanged for' })
  @Field({ description: 'The gift the points are exchanged for' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'gift must not be blank' })
  gift: string;
}

/** GraphQL `redeemPoints(customerId, points, gift, idempotencyKey)`: the REST body plus what REST puts in the path and header. */
@ArgsType()
export class RedeemPointsArgs extends RedeemPointsDto {
  @Field(() => ID, { description: 'The customer whose points are redeemed' })
  @IsUUID()
  customerId: string;

  @Field({ description: 'Same key, same answer; a key names one request' })
  @IsString()
  idempotencyKey: string;
}

export class CorrectEntryDto {
  @ApiProperty({ format: 'uuid', description: 'The entry to reverse' })
  @IsUUID()
  entryId: string;
}
