import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history says what kind of cause changed an owner and which record was behind it (cause_code, cause_id),
 * so "was this customer already moved for complaint X" is read from the history, not the audit log. Existing
 * rows get them from what is known today: first owners from their cause text, and transfers and allocations
 * from the P-2 audit entry written in the same transaction (same customer, same owners, the latest history
 * row at or before the audit entry).
 */
export class HistoryCause1796191211749 implements MigrationInterface {
  name = 'HistoryCause1796191211749';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"customers\".\"customer_history\" ADD \"cause_code\" text");
    await q.query("ALTER TABLE \"customers\".\"customer_history\" ADD \"cause_id\" text");
    await q.query(`UPDATE "customers"."customer_history" SET cause_code = 'REGISTRATION'
      WHERE kind = 'OWNER' AND from_value IS NULL AND cause = 'registration'`);
    await q.query(`UPDATE "customers"."customer_history"
      SET cause_code = 'ARCHIVE', cause_id = substring(cause from '^archive batch ([0-9a-fA-F-]{36})')
      WHERE kind = 'OWNER' AND from_value IS NULL AND cause LIKE 'archive batch %'`);
    await q.query(`UPDATE "customers"."customer_history" h SET cause_code = m.cause_code, cause_id = m.cause_id
      FROM (
        SELECT DISTINCT ON (hh.id) hh.id, a.detail->>'cause' AS cause_code, a.detail->>'causeId' AS cause_id
        FROM "customers"."audit_log" a
        JOIN LATERAL (
          SELECT h2.id FROM "customers"."customer_history" h2
          WHERE h2.customer_id = a.subject_id AND h2.kind = 'OWNER'
            AND h2.to_value = a.detail->>'to' AND h2.from_value IS NOT DISTINCT FROM a.detail->>'from'
            AND h2.at <= a.at
          ORDER BY h2.at DESC, h2.id DESC LIMIT 1
        ) hh ON true
        WHERE a.action = 'OWNER_CHANGED'
        ORDER BY hh.id, a.at
      ) m
      WHERE h.id = m.id`);
  }

  async down(): Promise<void> {
    throw new Error('HistoryCause is not reversible; restore from backup');
  }
}
