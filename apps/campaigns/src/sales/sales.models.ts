import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { connectionTypes } from '@crm/http';

@ObjectType({ description: 'A sale at a meeting (J-10); amounts in fen' })
export class Sale {
  @Field(() => ID, { description: 'The sale' })
  id: string;

  @Field(() => ID, { description: 'The meeting it was sold at' })
  meetingId: string;

  @Field(() => ID, { description: 'The buyer' })
  customerId: string;

  @Field(() => Float, { description: 'Amount in fen (1 yuan = 100 fen)' })
  amountFen: number;

  @Field(() => Float, { description: 'What was refunded of it so far, in fen' })
  refundedFen: number;

  @Field(() => ID, { description: "The employee credited: the holder of the customer's invitation (J-10)" })
  creditedEmployeeId: string;

  @Field(() => ID, { description: "The credited employee's department" })
  creditedDepartmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The customer who brought the buyer (J-9), earning R-1 points',
  })
  referrerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The invitation it is credited through' })
  invitationId: string | null;

  @Field({ description: 'ISO 8601 instant it was sold' })
  soldAt: string;
}

@ObjectType({ description: 'A refund of all or part of a sale; amount in fen' })
export class Refund {
  @Field(() => ID, { description: 'The refund' })
  id: string;

  @Field(() => ID, { description: 'The sale refunded' })
  saleId: string;

  @Field(() => Float, { description: 'Amount refunded, in fen' })
  amountFen: number;
}

export const SaleConnection = connectionTypes(Sale, 'Sale', 'sale');
