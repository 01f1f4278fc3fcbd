import { Injectable } from '@nestjs/common';
import { Role } from '@crm/auth';
import type { Tx } from '@crm/database';
import { DepartmentLoad, EmployeeLoad } from './breach-target';

/**
 * Who takes a breached customer (C-4: "an employee of another department"): employees, not heads. Heads own few
 * customers by the nature of their job, so counting them would send every breached customer to a head.
 */
export const SERVING_ROLES: readonly Role[] = [Role.EMPLOYEE];

/** The queries of rule-driven transfers. */
@Injectable()
export class TransfersRepository {
  /** Every department but `excludedDepartmentId`, with its active serving employees and its customers. */
  async departmentLoads(tx: Tx, excludedDepartmentId: string): Promise<DepartmentLoad[]> {
    const rows: { id: string; code: string; employees: number; customers: number }[] = await tx.query(
      `SELECT d.id, d.code,
         (SELECT count(*) FROM employees e WHERE e.department_id = d.id AND e.role = ANY($2::text[]) AND e.deactivated_at IS NULL)::int AS employees,
         (SELECT count(*) FROM customers c WHERE c.department_id = d.id)::int AS customers
       FROM departments d WHERE d.id <> $1`,
      [excludedDepartmentId, SERVING_ROLES],
    );
    return rows.map((r) => ({ departmentId: r.id, code: r.code, employees: r.employees, customers: r.customers }));
  }

  /** A department's active serving employees (a deactivated one owns nothing), fewest customers first, ties by id. */
  async employeeLoads(tx: Tx, departmentId: string): Promise<EmployeeLoad[]> {
    const rows: { id: string; customers: number }[] = await tx.query(
      `SELECT e.id, (SELECT count(*) FROM customers c WHERE c.owner_id = e.id)::int AS customers
       FROM employees e WHERE e.department_id = $1 AND e.role = ANY($2::text[]) AND e.deactivated_at IS NULL
       ORDER BY customers, e.id`,
      [departmentId, SERVING_ROLES],
    );
    return rows.map((r) => ({ employeeId: r.id, customers: r.customers }));
  }
}
