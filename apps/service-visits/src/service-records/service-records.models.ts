import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ServiceCategory, ServiceKind } from '../service-records/service-record.entity';
import { SurveySubject } from '../surveys/survey.entity';
import { VisitPlanReason, VisitPlanStatus } from '../visit-plans/visit-plan.entity';

registerEnumType(ServiceCategory, { name: 'ServiceCategory', description: 'V-1' });
registerEnumType(ServiceKind, { name: 'ServiceKind' });
registerEnumType(VisitPlanStatus, { name: 'VisitPlanStatus' });
registerEnumType(VisitPlanReason, { name: 'VisitPlanReason' });
registerEnumType(SurveySubject, { name: 'SurveySubject' });

/** Customers owns customers; service-visits contributes `Customer.serviceRecords`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id: string;

  // Lazy: ServiceRecord is declared below.
  @Field(() => [ServiceRecord])
  serviceRecords?: unknown[];
}

@ObjectType({ description: 'A service given to a customer (V-1); health readings are only on REST, for the owner and their head' })
export class ServiceRecord {
  @Field(() => ID)
  id: string;

  @Field(() => ServiceCategory)
  category: ServiceCategory;

  @Field(() => ServiceKind)
  kind: ServiceKind;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => ID)
  customerId: string;

  @Field(() => ID)
  employeeId: string;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field({ description: 'Whether health readings were taken (their values follow P-1)' })
  hasReadings: boolean;

  @Field({ description: 'ISO 8601 instant' })
  createdAt: string;
}

@ObjectType({ description: 'A planned return visit (V-3)' })
export class VisitPlan {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => Customer)
  customer?: Customer;

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

@ObjectType({ description: 'An under-served customer (V-2); reassign with transferCustomer' })
export class UnderServedCustomer {
  @Field(() => ID)
  customerId: string;

  @Field(() => Customer)
  customer?: Customer;

  @Field(() => ID, { nullable: true })
  ownerId: string | null;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true })
  lastServedAt: string | null;

  @Field(() => String, { nullable: true })
  underServedSince: string | null;
}

@ObjectType()
export class UnderServedPage {
  @Field(() => [UnderServedCustomer])
  items: UnderServedCustomer[];

  @Field(() => String, { nullable: true })
  nextCursor: string | null;
}

@ObjectType({ description: 'A satisfaction survey (V-4)' })
export class Survey {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => SurveySubject)
  subjectType: SurveySubject;

  @Field(() => ID)
  subjectId: string;

  @Field(() => Int)
  score: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => ID, { description: 'Who is rated' })
  employeeId: string;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field()
  submittedAt: string;
}

@ObjectType()
export class EmployeeSatisfaction {
  @Field(() => ID)
  employeeId: string;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => Int)
  surveys: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}

@ObjectType()
export class DepartmentSatisfaction {
  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => Int)
  surveys: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}

@ObjectType({ description: 'Average survey scores over a period (V-4)' })
export class SatisfactionReport {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => [EmployeeSatisfaction])
  employees: EmployeeSatisfaction[];

  @Field(() => [DepartmentSatisfaction])
  departments: DepartmentSatisfaction[];
}
