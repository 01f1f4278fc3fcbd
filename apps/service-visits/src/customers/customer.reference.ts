import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * Customers owns customers: the federation reference every capability's type points at (VisitPlan.customer,
 * UnderServedCustomer.customer). Service records contribute `Customer.serviceRecords` with their resolver.
 */
@ObjectType('Customer', { description: 'A customer of the company, owned by one employee and through them one department' })
@Directive('@key(fields: "id")')
export class CustomerReference {
  @Field(() => ID, { description: 'The customer' })
  id: string;
}
