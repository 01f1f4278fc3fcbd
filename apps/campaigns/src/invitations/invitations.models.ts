import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Meeting } from '../meetings/meetings.module';
import { InvitationStatus } from './invitation.entity';

registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/** Customers owns customers; campaigns contributes `Customer.invitations`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id: string;

  // Lazy: Invitation is declared below (and refers back to Customer).
  @Field(() => [Invitation])
  invitations: unknown[];
}

@ObjectType({ description: "A department's invitation of a customer to a meeting (J-2)" })
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => Meeting, { nullable: true })
  meeting?: Meeting;

  @Field(() => ID)
  customerId: string;

  /** The customer, resolved by the customers subgraph. */
  @Field(() => Customer)
  customer?: Customer;

  @Field(() => ID)
  employeeId: string;

  @Field(() => ID)
  departmentId: string;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field({ description: 'ISO 8601 instant' })
  invitedAt: string;

  @Field(() => String, { nullable: true })
  confirmedAt: string | null;
}
