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
