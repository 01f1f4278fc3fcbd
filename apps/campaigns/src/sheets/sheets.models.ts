import { Field, ID, ObjectType } from '@nestjs/graphql';
import { connectionTypes } from '@crm/http';

@ObjectType({ description: 'Another department held the customer first (J-4)' })
export class HeldByOther {
  @Field(() => ID, { description: 'The customer' })
  customerId: string;

  @Field(() => ID, { description: 'The department holding the lock' })
  holderDepartmentId: string;
}

@ObjectType({
  description: "A department's daily sheet as received (J-3): when it counts and what it locked",
})
export class SheetReceipt {
  @Field(() => ID, { description: 'The sheet' })
  id: string;

  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field(() => ID, { description: 'The department handing it in' })
  departmentId: string;

  @Field({ description: 'ISO 8601 instant it was handed in' })
  submittedAt: string;

  @Field({ description: 'The obligation day it fulfils (J-7)' })
  forDay: string;

  @Field({ description: 'The day its customers count for (J-4)' })
  effectiveDay: string;

  @Field({ description: "Handed in after the day's deadline" })
  late: boolean;

  @Field(() => [ID], {
    description:
      'Customers this sheet locked at once (on-time sheets, J-4), or already held by the department',
  })
  locked: string[];

  @Field(() => [HeldByOther], {
    description: "Customers another department held first: the department's listing lost (reported in J-8)",
  })
  heldByOthers: HeldByOther[];

  @Field(() => [ID], {
    description: 'Customers claimed by a late sheet, settled at the reconciliation of the effective day',
  })
  pending: string[];

  @Field(() => [ID], {
    description: 'J-12: the speakers this sheet reserved to the department for the meeting',
  })
  speakers: string[];
}

@ObjectType({
  description: 'A sheet as handed in (J-3): several a day when the department handed in supplementary sheets',
})
export class Sheet {
  @Field(() => ID, { description: 'The sheet' })
  id: string;

  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field(() => ID, { description: 'The department that handed it in' })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'Who handed it in' })
  submittedBy: string | null;

  @Field({ description: 'ISO 8601 instant it was handed in' })
  submittedAt: string;

  @Field({ description: 'The obligation day it was handed in for (J-7), YYYY-MM-DD' })
  forDay: string;

  @Field({ description: 'The day its customers count for (J-4), YYYY-MM-DD' })
  effectiveDay: string;

  @Field({ description: "Handed in after the day's deadline" })
  late: boolean;

  @Field(() => [ID], { description: "The department's confirmed invitations it lists" })
  customerIds: string[];

  @Field(() => [ID], { description: 'Planned invitations for the next day' })
  plannedCustomerIds: string[];

  @Field(() => [ID], { description: 'J-12: the customers it lines up to speak or lead others' })
  speakerCustomerIds: string[];
}

@ObjectType({ description: 'J-8: the reconciliation of one meeting day and its report' })
export class Reconciliation {
  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field({ description: 'The obligation day reconciled, YYYY-MM-DD' })
  day: string;

  @Field({ description: 'ISO 8601 instant of the reconciliation' })
  reconciledAt: string;

  @Field({
    description:
      "What went back to the heads, as JSON text (REST's report object): day, sheets, late and missing departments, duplicates (settled and lost at submission), fines",
  })
  report: string;
}

export const SheetConnection = connectionTypes(Sheet, 'Sheet', 'sheet');
export const ReconciliationConnection = connectionTypes(Reconciliation, 'Reconciliation', 'reconciliation');
