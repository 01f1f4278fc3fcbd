import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * J-3 supplementary sheets: a department may hand in several sheets a day (the one-per-day key goes; an index on the
 * same columns keeps the lookups). J-12: sheets name speakers (existing sheets named none) and speakers are reserved
 * per meeting. J-11: a ruling names the employee credited. No existing row changes meaning.
 */
export class SupplementarySheetsSpeakersAwards1796192931269 implements MigrationInterface {
  name = 'SupplementarySheetsSpeakersAwards1796192931269';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"campaigns\".\"sheets\" DROP CONSTRAINT \"sheets_one_per_department_day\"");
    await q.query("CREATE TABLE \"campaigns\".\"speaker_reservations\" (\"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"sheet_id\" uuid NOT NULL, \"reserved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_17730e3d83baa75a401dfea2ca8\" PRIMARY KEY (\"meeting_id\", \"customer_id\"))");
    await q.query("ALTER TABLE \"campaigns\".\"disputes\" ADD \"awarded_employee_id\" uuid");
    await q.query("ALTER TABLE \"campaigns\".\"sheets\" ADD \"speaker_customer_ids\" uuid array NOT NULL DEFAULT '{}'");
    await q.query("CREATE INDEX \"sheets_by_department_day\" ON \"campaigns\".\"sheets\"  (\"meeting_id\", \"department_id\", \"for_day\") ");
  }

  async down(): Promise<void> {
    throw new Error('SupplementarySheetsSpeakersAwards is not reversible; restore from backup');
  }
}
