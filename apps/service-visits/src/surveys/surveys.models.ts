import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SurveySubject } from './survey.entity';

registerEnumType(SurveySubject, {
  name: 'SurveySubject',
  description: 'What a satisfaction survey follows (V-4)',
  valuesMap: {
    VISIT: { description: 'A service record (a visit)' },
    COMPLAINT_RESOLUTION: { description: "A complaint's resolution (C-5)" },
  },
});

@ObjectType({ description: 'A satisfaction survey (V-4)' })
export class Survey {
  @Field(() => ID, { description: 'The survey' })
  id: string;

  @Field(() => ID, { description: 'The customer who answered' })
  customerId: string;

  @Field(() => SurveySubject, { description: 'What the survey follows: a visit or a complaint resolution (V-4)' })
  subjectType: SurveySubject;

  @Field(() => ID, { description: 'The service record (VISIT) or the complaint (COMPLAINT_RESOLUTION)' })
  subjectId: string;

  @Field(() => Int, { description: 'How satisfied the customer is, 1 (least) to 5 (most) (V-4)' })
  score: number;

  @Field(() => String, { nullable: true, description: "The customer's comment; null when none was given (or it was erased, P-3)" })
  comment: string | null;

  @Field(() => ID, { description: 'Who is rated' })
  employeeId: string;

  @Field(() => ID, { nullable: true, description: "The rated employee's department; null when not known" })
  departmentId: string | null;

  @Field({ description: 'ISO 8601 instant' })
  submittedAt: string;
}

@ObjectType({ description: "An employee's satisfaction over the period (V-4)" })
export class EmployeeSatisfaction {
  @Field(() => ID, { description: 'The rated employee' })
  employeeId: string;

  @Field(() => ID, { nullable: true, description: 'The department the surveys rated them in; null when not known' })
  departmentId: string | null;

  @Field(() => Int, { description: 'How many surveys rated them' })
  surveys: number;

  @Field(() => Float, { nullable: true, description: 'The average score, 1..5; null without surveys' })
  averageScore: number | null;
}

@ObjectType({ description: "A department's satisfaction over the period (V-4)" })
export class DepartmentSatisfaction {
  @Field(() => ID, { nullable: true, description: 'The rated department; null for surveys of employees in no known department' })
  departmentId: string | null;

  @Field(() => Int, { description: 'How many surveys rated its employees' })
  surveys: number;

  @Field(() => Float, { nullable: true, description: 'The average score, 1..5; null without surveys' })
  averageScore: number | null;
}

@ObjectType({ description: 'Average survey scores over a period (V-4)' })
export class SatisfactionReport {
  @Field({ description: 'First business day, YYYY-MM-DD' })
  from: string;

  @Field({ description: 'Last business day, YYYY-MM-DD (inclusive)' })
  to: string;

  @Field(() => [EmployeeSatisfaction], { description: 'Per employee the caller may see' })
  employees: EmployeeSatisfaction[];

  @Field(() => [DepartmentSatisfaction], { description: 'Per department the caller may see' })
  departments: DepartmentSatisfaction[];
}
