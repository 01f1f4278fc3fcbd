import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Meeting } from '../meetings/meetings.module';
import { InvitationStatus } from './invitation.entity';
import { connectionTypes } from '@crm/http';

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands (J-2)',
});

/** Customers owns customers; campaigns contributes `Customer.invitations`. */
@ObjectType({ description: 'A customer of the company, owned by one employee and through them one department' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID, { description: 'The customer' })
  id: string;

  // Lazy: Invitation is declared below (and refers back to Customer).
  @Field(() => [Invitation], { description: "The customer's invitations the caller may see (J-2)" })
  invitations: unknown[];
}

@ObjectType({ description: "A department's invitation of a customer to a meeting (J-2)" })
export class Invitation {
  @Field(() => ID, { description: 'The invitation' })
  id: string;

  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field(() => Meeting, { nullable: true, description: 'The meeting' })
  meeting?: Meeting;

  @Field(() => ID, { description: 'The customer invited' })
  customerId: string;

  /** The customer, resolved by the customers subgraph. */
  @Field(() => Customer, { description: 'The customer invited' })
  customer?: Customer;

  @Field(() => ID, { description: 'The inviting employee' })
  employeeId: string;

  @Field(() => ID, { description: 'The inviting department' })
  departmentId: string;

  @Field(() => InvitationStatus, { description: 'Where it stands' })
  status: InvitationStatus;

  @Field({ description: 'ISO 8601 instant' })
  invitedAt: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 instant the customer agreed to come (敲定); null before',
  })
  confirmedAt: string | null;
}

export const InvitationConnection = connectionTypes(Invitation, 'Invitation', 'invitation');
