import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { keysetPage, Page } from '@crm/database';
import { ComplaintEntity, ComplaintFineEntity } from './complaint.entities';
import { ComplaintStatus } from './rules/complaint-enums';
import type { Fine } from './rules/fines';
import type { ComplaintScope } from './rules/visibility';

export interface ComplaintFilter {
  customerId?: string;
  status?: ComplaintStatus;
  employeeId?: string;
  departmentId?: string;
}

/** A fine about to be booked: whom, under which rule, for which complaint, charged to which department. */
export interface FineToImpose extends Fine {
  complaintId: string;
  departmentId: string;
}

/** A complaint the complaint-sla sweep just breached, with the head of its department now. */
export interface BreachedRow {
  id: string;
  customerId: string;
  employeeId: string;
  departmentId: string;
  headId: string | null;
  filedAt: Date;
  dueAt: Date;
}

/** Every query on complaints and their fines. */
@Injectable()
export class ComplaintsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ComplaintEntity | null> {
    return manager.findOneBy(ComplaintEntity, { id });
  }

  /** The row locked for a change: a resolution, a reopening and the sweep's breach of it take turns. */
  findForUpdate(manager: EntityManager, id: string): Promise<ComplaintEntity | null> {
    return manager.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async headOf(departmentId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: { head_id: string | null }[] = await manager.query('SELECT head_id FROM departments WHERE id = $1', [departmentId]);
    return rows[0]?.head_id ?? null;
  }

  /** A list in filing order, narrowed to what the caller may see (visibility.ts). */
  list(scope: ComplaintScope, filter: ComplaintFilter, page: { limit: number; cursor?: string }): Promise<Page<ComplaintEntity>> {
    const qb = this.dataSource.getRepository(ComplaintEntity).createQueryBuilder('c');
    if (scope.kind === 'none') qb.andWhere('false');
    if (scope.kind === 'some') {
      if (scope.departmentId) qb.andWhere('(c.employeeId = :me OR c.departmentId = :myDepartment)', { me: scope.employeeId, myDepartment: scope.departmentId });
      else qb.andWhere('c.employeeId = :me', { me: scope.employeeId });
    }
    if (filter.customerId) qb.andWhere('c.customerId = :customerId', { customerId: filter.customerId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.employeeId) qb.andWhere('c.employeeId = :employeeId', { employeeId: filter.employeeId });
    if (filter.departmentId) qb.andWhere('c.departmentId = :departmentId', { departmentId: filter.departmentId });
    return keysetPage(qb, 'c.id', page, { column: 'c.filedAt', value: (c) => c.filedAt });
  }

  /** The complaints of each customer, oldest first (one query for a DataLoader batch). */
  ofCustomers(customerIds: readonly string[]): Promise<ComplaintEntity[]> {
    return this.dataSource.getRepository(ComplaintEntity).find({ where: { customerId: In([...customerIds]) }, order: { filedAt: 'ASC', id: 'ASC' } });
  }

  /**
   * C-4, one batch: marks up to `limit` pending complaints due before `now` breached and answers them. The
   * conditional UPDATE is the guarantee: a row is breached by the one transaction that changes its `sla`
   * from PENDING; a concurrent sweep skips rows locked by another (SKIP LOCKED) and, should it wait on one
   * anyway, re-checks `sla` after the other commits and leaves it. Uses the partial index complaints_pending_due.
   * `due_at < now` is isOverdue (rules/deadline.ts) in SQL: at the due time exactly a complaint is not overdue.
   */
  async breachDue(manager: EntityManager, now: Date, limit: number): Promise<BreachedRow[]> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows]: [{ id: string; customer_id: string; employee_id: string; department_id: string; head_id: string | null; filed_at: Date; due_at: Date }[], number] = await manager.query(
      `WITH due AS (
         SELECT id FROM complaints WHERE sla = 'PENDING' AND due_at < $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE complaints c SET sla = 'BREACHED', breached_at = $1
       FROM due WHERE c.id = due.id AND c.sla = 'PENDING'
       RETURNING c.id, c.customer_id, c.employee_id, c.department_id, c.filed_at, c.due_at,
         (SELECT d.head_id FROM departments d WHERE d.id = c.department_id) AS head_id`,
      [now, limit],
    );
    return rows.map((r) => ({ id: r.id, customerId: r.customer_id, employeeId: r.employee_id, departmentId: r.department_id, headId: r.head_id, filedAt: new Date(r.filed_at), dueAt: new Date(r.due_at) }));
  }

  /**
   * Books fines with one INSERT, each (complaint, rule, person) once: answers those newly booked, with the
   * fine id their fine.imposed event carries. A fine already booked answers nothing, so it is announced once.
   */
  async imposeFines(manager: EntityManager, fines: readonly FineToImpose[], now: Date): Promise<(FineToImpose & { fineId: string })[]> {
    if (fines.length === 0) return [];
    const rows: { complaint_id: string; rule: Fine['rule']; employee_id: string; fine_id: string; department_id: string; amount_fen: string }[] = await manager.query(
      `INSERT INTO complaint_fines (complaint_id, rule, employee_id, fine_id, department_id, amount_fen, imposed_at)
       SELECT f.complaint_id, f.rule, f.employee_id, f.fine_id, f.department_id, f.amount_fen, $7
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[])
         AS f(complaint_id, rule, employee_id, fine_id, department_id, amount_fen)
       ON CONFLICT DO NOTHING
       RETURNING complaint_id, rule, employee_id, fine_id, department_id, amount_fen`,
      [
        fines.map((f) => f.complaintId),
        fines.map((f) => f.rule),
        fines.map((f) => f.employeeId),
        fines.map(() => randomUUID()),
        fines.map((f) => f.departmentId),
        fines.map((f) => f.amountFen),
        now,
      ],
    );
    return rows.map((r) => ({ complaintId: r.complaint_id, rule: r.rule, employeeId: r.employee_id, fineId: r.fine_id, departmentId: r.department_id, amountFen: Number(r.amount_fen) }));
  }

  finesOf(complaintId: string): Promise<ComplaintFineEntity[]> {
    return this.dataSource.getRepository(ComplaintFineEntity).find({ where: { complaintId }, order: { imposedAt: 'ASC', rule: 'ASC' } });
  }
}
