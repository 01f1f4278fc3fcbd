import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CustomerReference } from '../customers/customer.reference';

@ObjectType({ description: 'An under-served customer (V-2); reassign with transferCustomer' })
export class UnderServedCustomer {
  @Field(() => ID, { description: 'The under-served customer' })
  customerId: string;

  @Field(() => CustomerReference, { description: 'The under-served customer, as the customers service holds them' })
  customer?: CustomerReference;

  @Field(() => ID, { nullable: true, description: "The customer's owner; null when service-visits does not know the ownership yet" })
  ownerId: string | null;

  @Field(() => ID, { nullable: true, description: "The owner's department, the one that did not serve them (V-2); null when not known yet" })
  departmentId: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant of the last meeting attended or home visit by the owning department (V-2); null when never served' })
  lastServedAt: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant the service-adequacy sweep flagged the customer; null when not recorded' })
  underServedSince: string | null;
}

@ObjectType({ description: 'A page of under-served customers (V-2)' })
export class UnderServedPage {
  @Field(() => [UnderServedCustomer], { description: 'The customers of this page' })
  items: UnderServedCustomer[];

  @Field(() => String, { nullable: true, description: 'Pass as cursor to get the next page; null on the last page' })
  nextCursor: string | null;
}
