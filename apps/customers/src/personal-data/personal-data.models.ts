import { Field, ID, ObjectType } from '@nestjs/graphql';

/** What `eraseCustomer` answers (P-3), as REST's 202 body. */
@ObjectType()
export class CustomerErasure {
  @Field(() => ID)
  customerId: string;

  @Field({ description: 'ERASED' })
  status: string;
}
