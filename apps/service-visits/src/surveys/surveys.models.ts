import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SurveySubject } from './survey.entity';

registerEnumType(SurveySubject, { name: 'SurveySubject' });

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
