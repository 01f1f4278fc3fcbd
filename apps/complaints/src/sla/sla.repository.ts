import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';

/** A complaint the complaint-sla sweep just breached, with the head now of the department that owned the customer at filing. */
export interface BreachedRow {
  id: string;
  customerId: string;
  employeeId: string;
  departmentId: string;
  customerDepartmentId: string;
  customerHeadId: string | null;
  filedAt: Date;
  dueAt: Date;
}

/** Every query of the complaint-sla sweep (C-4); the fines it imposes are booked by ComplaintsRepository.imposeFines. */
@Injectable()
export class SlaRepository {
  /**
   * C-4, one batch: marks up to `limit` pending complaints due before `now` breached and answers them. The
   * conditional UPDATE is the guarantee: a row is breached by the one transaction that changes its `sla`
   * from PENDING; a concurrent sweep skips rows locked by another (SKIP LOCKED) and, should it wait on one
   * anyway, re-checks `sla` after the other commits and leaves it. Uses the partial index complaints_pending_due.
   * `due_at < now` is isOverdue (rules/deadline.ts) in SQL: at the due time exactly a complaint is not overdue.
   */
  async breachDue(tx: Tx, now: Date, limit: number): Promise<BreachedRow[]> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows]: [
      { id: string; customer_id: string; employee_id: string; department_id: string; customer_department_id: string; customer_head_id: string | null; filed_at: Date; due_at: Date }[],
      number,
    ] = await tx.query(
      `WITH due AS (
         SELECT id FROM complaints WHERE sla = 'PENDING' AND due_at < $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE complaints c SET sla = 'BREACHED', breached_at = $1
       FROM due WHERE c.id = due.id AND c.sla = 'PENDING'
       RETURNING c.id, c.customer_id, c.employee_id, c.department_id, c.customer_department_id, c.filed_at, c.due_at,
         (SELECT d.head_id FROM departments d WHERE d.id = c.customer_department_id) AS customer_head_id`,
      [now, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      employeeId: r.employee_id,
      departmentId: r.department_id,
      customerDepartmentId: r.customer_department_id,
      customerHeadId: r.customer_head_id,
      filedAt: new Date(r.filed_at),
      dueAt: new Date(r.due_at),
    }));
  }
}
