import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CustomerReference } from '../customers/customer.reference';

@ObjectType({ description: 'An under-served customer (V-2); reassign with transferCustomer' })
export class UnderServedCustomer {
  @Field(() => ID)
  customerId: string;

  @Field(() => CustomerReference)
  customer?: CustomerReference;

  @Field(() => ID, { nullable: true })
  ownerId: string | null;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true })
  lastServedAt: string | null;

  @Field(() => String, { nullable: true })
  underServedSince: string | null;
}

@ObjectType()
export class UnderServedPage {
  @Field(() => [UnderServedCustomer])
  items: UnderServedCustomer[];

  @Field(() => String, { nullable: true })
  nextCursor: string | null;
}
