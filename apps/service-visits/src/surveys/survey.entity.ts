import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum SurveySubject {
  VISIT = 'VISIT',
  COMPLAINT_RESOLUTION = 'COMPLAINT_RESOLUTION',
}

/** A satisfaction survey (V-4): one per visit or complaint resolution, rating the employee and department. */
@Entity({ name: 'surveys' })
@Index('surveys_one_per_subject', ['subjectType', 'subjectId'], { unique: true })
@Index('surveys_of_department', ['departmentId', 'submittedAt'])
@Index('surveys_of_employee', ['employeeId', 'submittedAt'])
@Check('surveys_score', '"score" BETWEEN 1 AND 5')
export class SurveyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  customerId: string;

  @Column('text')
  subjectType: SurveySubject;

  /** The service record or the complaint. */
  @Column('uuid')
  subjectId: string;

  @Column('smallint')
  score: number;

  @Column('text', { nullable: true })
  comment: string | null;

  /** Who is rated: the employee who served, or the employee concerned by the complaint. */
  @Column('uuid')
  employeeId: string;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  /** 'employee:<id>' or 'partner:<key id>'. */
  @Column('text')
  submittedBy: string;

  @Column('timestamptz')
  submittedAt: Date;
}
