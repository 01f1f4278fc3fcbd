import { MigrationInterface, QueryRunner } from 'typeorm';

export class RedemptionKeysPerCaller1795456639484 implements MigrationInterface {
  name = 'RedemptionKeysPerCaller1795456639484';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"rewards\".\"redemption_requests\" DROP CONSTRAINT \"PK_9224a022aaa2d237287fc730449\"");
    await q.query("ALTER TABLE \"rewards\".\"redemption_requests\" ADD CONSTRAINT \"PK_6a7aa5b8c69f09db650a05a4ad9\" PRIMARY KEY (\"requested_by\", \"idempotency_key\")");
  }

  async down(): Promise<void> {
    throw new Error('RedemptionKeysPerCaller is not reversible; restore from backup');
  }
}
