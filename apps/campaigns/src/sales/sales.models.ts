import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A sale at a meeting (J-10); amounts in fen' })
export class Sale {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => Float)
  amountFen: number;

  @Field(() => Float)
  refundedFen: number;

  @Field(() => ID)
  creditedEmployeeId: string;

  @Field(() => ID)
  creditedDepartmentId: string;

  @Field(() => ID, { nullable: true })
  referrerId: string | null;
}

@ObjectType({ description: 'A refund of all or part of a sale; amount in fen' })
export class Refund {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  saleId: string;

  @Field(() => Float)
  amountFen: number;
}
