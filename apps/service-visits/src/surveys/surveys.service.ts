import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { addDays, Clock, daysBetween, isBusinessDate, zonedInstant } from '@crm/clock';
import { isUniqueViolation, type Tx } from '@crm/database';
import { CustomerOwnerships } from '@crm/service-kit';
import { isDepartmentStaff, servesCustomer } from '@crm/auth';
import { actorOf, staffScope } from '../access/staff-scope';
import { ComplaintResolutionsRepository } from '../complaints/complaints.repository';
import { ServiceRecordsRepository } from '../service-records/service-records.repository';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { averageOf, periodProblem, surveyProblems } from './survey-rules';
import { SurveyEntity, SurveySubject } from './survey.entity';
import { SubmitSurveyDto, SatisfactionQueryDto } from './surveys.dto';
import { SurveyErrors } from './surveys.errors';
import { SurveysRepository } from './surveys.repository';
import { SatisfactionReportView, surveyView, SurveyView } from './surveys.view';

/** Longest period one satisfaction report covers. */
const MAX_PERIOD_DAYS = 366;

/** V-4: surveys after visits and complaint resolutions, and their averages per employee and department. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly records: ServiceRecordsRepository,
    private readonly resolutions: ComplaintResolutionsRepository,
    private readonly ownerships: CustomerOwnerships,
    private readonly clock: Clock,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  async submit(caller: Principal | undefined, dto: SubmitSurveyDto): Promise<SurveyView> {
    const problems = surveyProblems(dto);
    if (problems.length) throw SurveyErrors.SURVEY_INVALID(problems.map((p) => `${p.field} ${p.reason}`).join('; '), { problems });
    await this.requireMayTake(caller, dto.customerId);
    const rated = await this.ratedBy(dto);
    const survey: SurveyEntity = {
      id: randomUUID(),
      customerId: dto.customerId,
      subjectType: dto.subjectType,
      subjectId: dto.subjectId,
      score: dto.score,
      comment: dto.comment ?? null,
      employeeId: rated.employeeId,
      departmentId: rated.departmentId,
      submittedBy: actorOf(caller),
      submittedAt: this.clock.now(),
    };
    try {
      await this.surveys.insert(survey);
    } catch (e) {
      if (isUniqueViolation(e)) throw SurveyErrors.SURVEY_ALREADY_SUBMITTED(`${dto.subjectType} ${dto.subjectId} already has its survey`);
      throw e;
    }
    return surveyView(survey);
  }

  /**
   * P-1: department staff take surveys of the customers they serve (the owner and the owning head), never of
   * another department's, whose employees the survey rates; company-wide roles and partners (service-visits:write)
   * as before. Checked before the subject is looked up, so a refused caller learns nothing of the customer's
   * visits or complaints. A customer registered a moment ago is waited for (read your writes).
   */
  private async requireMayTake(caller: Principal | undefined, customerId: string): Promise<void> {
    if (!isDepartmentStaff(caller)) return;
    if (!servesCustomer(caller, await this.ownerships.awaitKnown(customerId))) {
      throw SurveyErrors.CUSTOMER_NOT_IN_DEPARTMENT("Surveys of this customer are taken by the customer's owner, the head of the owning department or the company-wide roles");
    }
  }

  /** Who the survey rates: the employee who served (a visit), or the employee concerned (a complaint). */
  private async ratedBy(dto: SubmitSurveyDto): Promise<{ employeeId: string; departmentId: string | null }> {
    const subject =
      dto.subjectType === SurveySubject.VISIT ? await this.records.find(dto.subjectId) : await this.resolutions.find(dto.subjectId);
    if (!subject || subject.customerId !== dto.customerId) {
      throw SurveyErrors.SURVEY_SUBJECT_NOT_FOUND(`Customer ${dto.customerId} has no ${dto.subjectType === SurveySubject.VISIT ? 'visit' : 'resolved complaint'} ${dto.subjectId}`);
    }
    return { employeeId: subject.employeeId, departmentId: subject.departmentId };
  }

  /** P-3 export: every survey of the customer, with its comment, oldest first. */
  async ofCustomerForExport(customerId: string): Promise<SurveyView[]> {
    return (await this.surveys.ofCustomer(customerId)).map(surveyView);
  }

  /** P-3 erasure, in the caller's transaction: the comments go, the scores stay. */
  eraseComments(tx: Tx, customerId: string): Promise<number> {
    return this.surveys.eraseComments(tx, customerId);
  }

  /** Averages over business days from..to (inclusive, BUSINESS_TZ), within what the caller may see. */
  async satisfaction(caller: Principal | undefined, q: SatisfactionQueryDto): Promise<SatisfactionReportView> {
    if (!isBusinessDate(q.from) || !isBusinessDate(q.to)) throw SurveyErrors.PERIOD_INVALID('from and to must be dates YYYY-MM-DD');
    const problem = periodProblem(q.from, q.to, MAX_PERIOD_DAYS, daysBetween);
    if (problem) throw SurveyErrors.PERIOD_INVALID(problem);
    const scope = staffScope(caller, { employeeId: q.employeeId, departmentId: q.departmentId });
    const start = zonedInstant(q.from, '00:00', this.options.tz);
    const end = zonedInstant(addDays(q.to, 1), '00:00', this.options.tz);
    const rows = await this.surveys.totals(start, end, { ...scope, employeeId: q.employeeId ?? scope.employeeId });
    return {
      from: q.from,
      to: q.to,
      employees: rows.filter((r) => r.employee_id).map((r) => ({ employeeId: r.employee_id!, departmentId: r.department_id, surveys: r.surveys, averageScore: averageOf(r.total, r.surveys) })),
      departments: rows.filter((r) => !r.employee_id).map((r) => ({ departmentId: r.department_id, surveys: r.surveys, averageScore: averageOf(r.total, r.surveys) })),
    };
  }
}
