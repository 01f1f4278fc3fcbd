import { Field, ID, ObjectType } from '@nestjs/graphql';

/** What `eraseCustomer` answers (P-3), as REST's 202 body. */
@ObjectType({ description: "An erasure of a customer's personal data (P-3)" })
export class CustomerErasure {
  @Field(() => ID, { description: 'The customer whose personal data was erased' })
  customerId: string;

  @Field({ description: 'ERASED' })
  status: string;
}
