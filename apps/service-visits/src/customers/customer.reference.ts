import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * Customers owns customers: the federation reference every capability's type points at (VisitPlan.customer,
 * UnderServedCustomer.customer). Service records contribute `Customer.serviceRecords` with their resolver.
 */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerReference {
  @Field(() => ID)
  id: string;
}
