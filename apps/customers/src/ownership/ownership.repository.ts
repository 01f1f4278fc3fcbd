import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';

/** The owner a customer has: the employee and their department (denormalised on the customer row). */
export interface Owner {
  ownerId: string;
  departmentId: string;
}

/** The ownership columns of the customers table: the one place that changes who owns a customer. */
@Injectable()
export class OwnershipRepository {
  /** The customer's current owner, locked for the change (concurrent changes apply one after the other). */
  async lock(tx: Tx, customerId: string): Promise<Owner | null> {
    const rows: { owner_id: string; department_id: string }[] = await tx.query('SELECT owner_id, department_id FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
    return rows.length ? { ownerId: rows[0].owner_id, departmentId: rows[0].department_id } : null;
  }

  /**
   * Of the employees about to own customers, those deactivated. Their rows are locked FOR SHARE until the end of the
   * transaction, so a deactivation (which locks the employee FOR UPDATE) cannot slip in between this check and the
   * write; in id order, so two writers never wait on each other.
   */
  async deactivatedAmong(tx: Tx, employeeIds: readonly string[]): Promise<string[]> {
    if (!employeeIds.length) return [];
    const rows: { id: string; deactivated_at: Date | null }[] = await tx.query(
      'SELECT id, deactivated_at FROM employees WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE',
      [[...new Set(employeeIds)]],
    );
    return rows.filter((r) => r.deactivated_at !== null).map((r) => r.id);
  }

  /** The customers an employee owns, locked for the change, in id order. */
  async lockOwnedBy(tx: Tx, ownerId: string): Promise<({ customerId: string } & Owner)[]> {
    const rows: { id: string; department_id: string }[] = await tx.query('SELECT id, department_id FROM customers WHERE owner_id = $1 ORDER BY id FOR UPDATE', [ownerId]);
    return rows.map((r) => ({ customerId: r.id, ownerId, departmentId: r.department_id }));
  }

  /** How many customers each of these employees owns (0 for one who owns none). */
  async ownedCounts(tx: Tx, ownerIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(ownerIds.map((id) => [id, 0]));
    if (!ownerIds.length) return counts;
    const rows: { owner_id: string; n: number }[] = await tx.query(
      'SELECT owner_id, count(*)::int AS n FROM customers WHERE owner_id = ANY($1::uuid[]) GROUP BY owner_id',
      [[...ownerIds]],
    );
    for (const r of rows) counts.set(r.owner_id, r.n);
    return counts;
  }

  /**
   * New owners of many customers in one statement; `at` is when they got them (V-2 counts from it). A new owner
   * starts a new V-2 window, so a customer who changes hands is no longer under-served.
   */
  async setOwners(tx: Tx, rows: readonly ({ customerId: string } & Owner)[], at: Date): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE customers c SET owner_id = v.owner_id, department_id = v.department_id, assigned_at = $4, updated_at = $4,
         under_served = CASE WHEN c.owner_id = v.owner_id THEN c.under_served ELSE false END
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS v(id, owner_id, department_id)
       WHERE c.id = v.id`,
      [rows.map((r) => r.customerId), rows.map((r) => r.ownerId), rows.map((r) => r.departmentId), at],
    );
  }
}
