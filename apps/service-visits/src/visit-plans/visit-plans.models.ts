import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CustomerReference } from '../customers/customer.reference';
import { VisitPlanReason, VisitPlanStatus } from './visit-plan.entity';

registerEnumType(VisitPlanStatus, {
  name: 'VisitPlanStatus',
  description: 'Where a planned return visit stands (V-3): due, done or overdue',
  valuesMap: {
    DUE: { description: 'To be made by its due time' },
    DONE: { description: 'Made' },
    OVERDUE: { description: 'Not made by its due time (the visit-plans sweep marks it)' },
    CANCELLED: { description: 'Replaced: the stage changed before the visit was made, so its cadence no longer applies' },
  },
});
registerEnumType(VisitPlanReason, {
  name: 'VisitPlanReason',
  description: 'Why a return visit is planned (V-3)',
  valuesMap: {
    CADENCE: { description: "The customer's stage's cadence (V-3, VISIT_CADENCE)" },
    COMPLAINT_FOLLOW_UP: { description: "A follow-up after a complaint's resolution, due FOLLOW_UP_HOURS after it (V-3, C-5)" },
  },
});

@ObjectType({ description: 'A planned return visit (V-3)' })
export class VisitPlan {
  @Field(() => ID, { description: 'The planned visit' })
  id: string;

  @Field(() => ID, { description: 'The customer to visit' })
  customerId: string;

  @Field(() => CustomerReference, { description: 'The customer to visit, as the customers service holds them' })
  customer?: CustomerReference;

  @Field(() => ID, { description: "The employee whose visit it is (the customer's owner)" })
  employeeId: string;

  @Field(() => ID, { nullable: true, description: "The owner's department when the visit was planned; null when it was not known" })
  departmentId: string | null;

  @Field(() => VisitPlanReason, { description: 'Why the visit is planned: the stage cadence or a complaint follow-up (V-3)' })
  reason: VisitPlanReason;

  @Field(() => VisitPlanStatus, { description: 'Due, done, overdue or cancelled (V-3)' })
  status: VisitPlanStatus;

  @Field({ description: 'ISO 8601 instant the visit is due by; after it the visit is overdue' })
  dueAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant the visit was made; null while not made' })
  doneAt: string | null;
}

@ObjectType({ description: 'A page of planned return visits, by due time' })
export class VisitPlanPage {
  @Field(() => [VisitPlan], { description: 'The visits of this page' })
  items: VisitPlan[];

  @Field(() => String, { nullable: true, description: 'Pass as cursor to get the next page; null on the last page' })
  nextCursor: string | null;
}
