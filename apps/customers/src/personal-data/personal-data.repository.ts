import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';

/** The writes of an erasure (P-3): the customer row and what archives kept of the person. */
@Injectable()
export class PersonalDataRepository {
  /**
   * Anonymises the customer row in place: a fixed name, the phone replaced by a placeholder unique per customer
   * (the column is NOT NULL UNIQUE; no hash of the number is kept), every other personal field null.
   */
  async anonymiseCustomer(tx: Tx, customerId: string, name: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE customers SET name = $2, phone = 'erased:' || id::text, gender = NULL, birth_date = NULL, address = NULL, notes = NULL,
         erased = true, updated_at = $3
       WHERE id = $1`,
      [customerId, name, at],
    );
  }

  /** O-3 batch reports list duplicate rows by phone (and the customer they matched): those rows lose the phone. */
  async scrubArchiveReports(tx: Tx, customerId: string, phone: string): Promise<void> {
    await tx.query(
      `UPDATE archive_batches b SET duplicates = (
         SELECT coalesce(jsonb_agg(CASE WHEN e->>'phone' = $2 OR e->>'customerId' = $1 THEN e || '{"phone": ""}'::jsonb ELSE e END ORDER BY n), '[]'::jsonb)
         FROM jsonb_array_elements(b.duplicates) WITH ORDINALITY AS x(e, n))
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(b.duplicates) e WHERE e->>'phone' = $2 OR e->>'customerId' = $1)`,
      [customerId, phone],
    );
  }
}
