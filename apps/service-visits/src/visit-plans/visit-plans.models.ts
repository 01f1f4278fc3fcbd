import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CustomerReference } from '../customers/customer.reference';
import { VisitPlanReason, VisitPlanStatus } from './visit-plan.entity';

registerEnumType(VisitPlanStatus, { name: 'VisitPlanStatus' });
registerEnumType(VisitPlanReason, { name: 'VisitPlanReason' });

@ObjectType({ description: 'A planned return visit (V-3)' })
export class VisitPlan {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => CustomerReference)
  customer?: CustomerReference;

  @Field(() => ID, { description: "The employee whose visit it is (the customer's owner)" })
  employeeId: string;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => VisitPlanReason)
  reason: VisitPlanReason;

  @Field(() => VisitPlanStatus)
  status: VisitPlanStatus;

  @Field()
  dueAt: string;

  @Field(() => String, { nullable: true })
  doneAt: string | null;
}

@ObjectType()
export class VisitPlanPage {
  @Field(() => [VisitPlan])
  items: VisitPlan[];

  @Field(() => String, { nullable: true })
  nextCursor: string | null;
}
