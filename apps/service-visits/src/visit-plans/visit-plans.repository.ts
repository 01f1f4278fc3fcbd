import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage, Page, type Tx } from '@crm/database';
import { VisitPlanEntity, VisitPlanReason, VisitPlanStatus } from './visit-plan.entity';

const OPEN = `('DUE', 'OVERDUE')`;

export interface NewPlan {
  customerId: string;
  employeeId: string;
  departmentId: string | null;
  reason: VisitPlanReason;
  stage: string | null;
  complaintId: string | null;
  dueAt: Date;
}

/** Every query on visit plans (V-3). */
@Injectable()
export class VisitPlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Plans a visit; a second open cadence plan for the customer is refused by the unique index and skipped. */
  async plan(tx: Tx, p: NewPlan, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO visit_plans (id, customer_id, employee_id, department_id, reason, stage, complaint_id, status, due_at, planned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'DUE', $8, $9)
       ON CONFLICT DO NOTHING`,
      [randomUUID(), p.customerId, p.employeeId, p.departmentId, p.reason, p.stage, p.complaintId, p.dueAt, now],
    );
  }

  async hasOpenCadence(tx: Tx, customerId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM visit_plans WHERE customer_id = $1 AND reason = 'CADENCE' AND status IN ${OPEN} LIMIT 1`, [customerId]);
    return rows.length > 0;
  }

  /** The stage changed: its open cadence plan no longer applies. */
  async cancelCadence(tx: Tx, customerId: string): Promise<void> {
    await tx.query(`UPDATE visit_plans SET status = 'CANCELLED' WHERE customer_id = $1 AND reason = 'CADENCE' AND status IN ${OPEN}`, [customerId]);
  }

  /** The customer has a new owner: their open visits are now the new owner's to make. */
  async reassign(tx: Tx, customerId: string, employeeId: string, departmentId: string): Promise<void> {
    await tx.query(`UPDATE visit_plans SET employee_id = $2, department_id = $3 WHERE customer_id = $1 AND status IN ${OPEN}`, [customerId, employeeId, departmentId]);
  }

  /** A visit was made: every open plan of the customer is done by it. Answers the reasons completed. */
  async complete(tx: Tx, customerId: string, serviceRecordId: string, at: Date): Promise<VisitPlanReason[]> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows]: [{ reason: VisitPlanReason }[], number] = await tx.query(
      `UPDATE visit_plans SET status = 'DONE', done_at = $2, service_record_id = $3 WHERE customer_id = $1 AND status IN ${OPEN} RETURNING reason`,
      [customerId, at, serviceRecordId],
    );
    return rows.map((r) => r.reason);
  }

  /** Return visits made in the customer's current stage, for a cadence with a number of visits (NEW:7x4). */
  async cadenceVisitsSince(tx: Tx, customerId: string, stage: string, since: Date): Promise<number> {
    const [row] = await tx.query(
      `SELECT count(*)::int AS n FROM visit_plans WHERE customer_id = $1 AND reason = 'CADENCE' AND stage = $2 AND status = 'DONE' AND done_at >= $3`,
      [customerId, stage, since],
    );
    return row.n;
  }

  /** The visit-plans sweep: up to `limit` due plans past their time become OVERDUE, once. */
  async markOverdue(tx: Tx, now: Date, limit: number): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE visit_plans p SET status = 'OVERDUE', overdue_at = $1
        WHERE p.id = ANY (ARRAY(SELECT id FROM visit_plans WHERE status = 'DUE' AND due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED))
          AND p.status = 'DUE'
       RETURNING p.id`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  list(filter: { employeeId?: string; departmentId?: string; customerId?: string; status?: VisitPlanStatus }, page: { limit: number; cursor?: string }): Promise<Page<VisitPlanEntity>> {
    const qb = this.dataSource.getRepository(VisitPlanEntity).createQueryBuilder('p');
    if (filter.employeeId) qb.andWhere('p.employee_id = :employeeId', { employeeId: filter.employeeId });
    if (filter.departmentId) qb.andWhere('p.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.customerId) qb.andWhere('p.customer_id = :customerId', { customerId: filter.customerId });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    return keysetPage(qb, 'p.id', page, { column: 'p.due_at', value: (p) => p.dueAt });
  }

  /** Every plan of the customer, by due time (P-3 export). */
  ofCustomer(customerId: string): Promise<VisitPlanEntity[]> {
    return this.dataSource.getRepository(VisitPlanEntity).find({ where: { customerId }, order: { dueAt: 'ASC', id: 'ASC' } });
  }
}
