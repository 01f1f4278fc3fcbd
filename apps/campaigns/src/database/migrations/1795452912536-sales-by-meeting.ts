import { MigrationInterface, QueryRunner } from 'typeorm';

export class SalesByMeeting1795452912536 implements MigrationInterface {
  name = 'SalesByMeeting1795452912536';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE INDEX \"IDX_71e3c7077d40e4c27ec0a33f94\" ON \"campaigns\".\"sales\"  (\"meeting_id\", \"sold_at\") ");
  }

  async down(): Promise<void> {
    throw new Error('SalesByMeeting is not reversible; restore from backup');
  }
}
