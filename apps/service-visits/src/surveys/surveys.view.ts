import { ApiProperty } from '@nestjs/swagger';
import { SurveyEntity, SurveySubject } from './survey.entity';

/** A satisfaction survey (V-4) as answered. */
export class SurveyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ enum: SurveySubject })
  subjectType: SurveySubject;

  @ApiProperty({ format: 'uuid', description: 'The service record (VISIT) or the complaint (COMPLAINT_RESOLUTION)' })
  subjectId: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  score: number;

  @ApiProperty({ type: String, nullable: true, example: '很满意' })
  comment: string | null;

  @ApiProperty({ format: 'uuid', description: 'Who is rated: the employee who served, or the employee concerned by the complaint' })
  employeeId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;
}

export function surveyView(s: SurveyEntity): SurveyView {
  return {
    id: s.id,
    customerId: s.customerId,
    subjectType: s.subjectType,
    subjectId: s.subjectId,
    score: s.score,
    comment: s.comment,
    employeeId: s.employeeId,
    departmentId: s.departmentId,
    submittedAt: s.submittedAt.toISOString(),
  };
}

export class EmployeeSatisfactionView {
  @ApiProperty({ format: 'uuid' })
  employeeId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;

  @ApiProperty({ description: 'Surveys in the period', example: 3 })
  surveys: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Rounded to two decimals; null without surveys', example: 3.67 })
  averageScore: number | null;
}

export class DepartmentSatisfactionView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;

  @ApiProperty({ description: 'Surveys in the period', example: 4 })
  surveys: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Rounded to two decimals; null without surveys', example: 3.5 })
  averageScore: number | null;
}

/** Average scores per employee and department over business days from..to (V-4). */
export class SatisfactionReportView {
  @ApiProperty({ description: 'First business day, YYYY-MM-DD', example: '2031-07-01' })
  from: string;

  @ApiProperty({ description: 'Last business day, YYYY-MM-DD (inclusive)', example: '2031-07-31' })
  to: string;

  @ApiProperty({ type: [EmployeeSatisfactionView] })
  employees: EmployeeSatisfactionView[];

  @ApiProperty({ type: [DepartmentSatisfactionView] })
  departments: DepartmentSatisfactionView[];
}
