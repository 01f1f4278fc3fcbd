import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { SurveyEntity } from './survey.entity';

export interface ScoreTotals {
  employee_id: string | null;
  department_id: string | null;
  surveys: number;
  total: number;
}

/** Every query on surveys. */
@Injectable()
export class SurveysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(survey: SurveyEntity, tx: Tx = this.dataSource.manager): Promise<void> {
    await tx.getRepository(SurveyEntity).insert(survey);
  }

  /**
   * Totals over [from, to): one row per employee and one per department (employee_id NULL), in one statement
   * (GROUPING SETS), so averages of both levels come from the same rows.
   */
  totals(from: Date, to: Date, scope: { employeeId?: string; departmentId?: string }): Promise<ScoreTotals[]> {
    return this.dataSource.query(
      `SELECT employee_id, department_id, count(*)::int AS surveys, sum(score)::int AS total
         FROM surveys
        WHERE submitted_at >= $1 AND submitted_at < $2 AND ($3::uuid IS NULL OR employee_id = $3) AND ($4::uuid IS NULL OR department_id = $4)
        GROUP BY GROUPING SETS ((employee_id, department_id), (department_id))
        ORDER BY department_id NULLS LAST, employee_id NULLS FIRST`,
      [from, to, scope.employeeId ?? null, scope.departmentId ?? null],
    );
  }

  /** Every survey of the customer, oldest first (P-3 export). */
  ofCustomer(customerId: string): Promise<SurveyEntity[]> {
    return this.dataSource.getRepository(SurveyEntity).find({ where: { customerId }, order: { submittedAt: 'ASC', id: 'ASC' } });
  }

  /** P-3 erasure: the customer's survey comments are gone; scores, subjects and dates stay. Answers how many changed. */
  async eraseComments(tx: Tx, customerId: string): Promise<number> {
    const [, changed]: [unknown[], number] = await tx.query(`UPDATE surveys SET comment = NULL WHERE customer_id = $1 AND comment IS NOT NULL`, [customerId]);
    return changed;
  }
}
