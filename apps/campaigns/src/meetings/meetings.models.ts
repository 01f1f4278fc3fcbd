import { Directive, Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InvitationStatus } from '../invitations/invitation.entity';
import { MeetingSlot } from '../meetings/meeting.entity';

registerEnumType(MeetingSlot, { name: 'MeetingSlot' });
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/** Customers owns departments; campaigns refers to them by key (Federation 2 entity reference). */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Department {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'A meeting (J-1); joint when more than one department takes part' })
export class Meeting {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Business date, YYYY-MM-DD' })
  date: string;

  @Field(() => MeetingSlot)
  slot: MeetingSlot;

  @Field()
  venue: string;

  @Field(() => [ID], { description: 'In the department order of J-3' })
  departmentIds: string[];

  @Field()
  joint: boolean;

  @Field(() => [Department])
  departments: Department[];
}

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

@ObjectType({ description: 'Another department held the customer first (J-4)' })
export class HeldByOther {
  @Field(() => ID)
  customerId: string;

  @Field(() => ID)
  holderDepartmentId: string;
}

@ObjectType({ description: "A department's daily sheet as received (J-3): when it counts and what it locked" })
export class SheetReceipt {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => ID)
  departmentId: string;

  @Field()
  submittedAt: string;

  @Field({ description: 'The obligation day it fulfils (J-7)' })
  forDay: string;

  @Field({ description: 'The day its customers count for (J-4)' })
  effectiveDay: string;

  @Field()
  late: boolean;

  @Field(() => [ID])
  locked: string[];

  @Field(() => [HeldByOther])
  heldByOthers: HeldByOther[];

  @Field(() => [ID])
  pending: string[];
}

@ObjectType({ description: 'A customer checked in at a meeting (J-9)' })
export class Attendance {
  @Field(() => ID)
  meetingId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => ID, { nullable: true })
  referrerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The department holding the invitation (J-10)' })
  departmentId: string | null;

  @Field({ description: "The customer's first attended meeting ever" })
  firstAttendance: boolean;

  @Field()
  checkedInAt: string;
}

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
