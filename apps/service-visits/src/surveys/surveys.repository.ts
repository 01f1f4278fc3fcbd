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
}
