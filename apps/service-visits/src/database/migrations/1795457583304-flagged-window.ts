import { MigrationInterface, QueryRunner } from 'typeorm';

export class FlaggedWindow1795457583304 implements MigrationInterface {
  name = 'FlaggedWindow1795457583304';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE INDEX \"customers_flagged_window\" ON \"service_visits\".\"customers\"  (\"window_start\") WHERE \"under_served\"");
  }

  async down(): Promise<void> {
    throw new Error('FlaggedWindow is not reversible; restore from backup');
  }
}
