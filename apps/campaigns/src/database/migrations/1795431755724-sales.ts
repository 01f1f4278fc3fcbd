import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sales1795431755724 implements MigrationInterface {
  name = 'Sales1795431755724';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"sales\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"amount_fen\" bigint NOT NULL, \"refunded_fen\" bigint NOT NULL DEFAULT '0', \"credited_employee_id\" uuid NOT NULL, \"credited_department_id\" uuid NOT NULL, \"invitation_id\" uuid, \"referrer_id\" uuid, \"sold_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"recorded_by\" uuid, CONSTRAINT \"sales_amounts\" CHECK (\"amount_fen\" > 0 AND \"refunded_fen\" >= 0 AND \"refunded_fen\" <= \"amount_fen\"), CONSTRAINT \"PK_4f0bc990ae81dba46da680895ea\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_c51005b2b06cec7aa17462c54f\" ON \"campaigns\".\"sales\"  (\"customer_id\") ");
    await q.query("CREATE TABLE \"campaigns\".\"refunds\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"sale_id\" uuid NOT NULL, \"amount_fen\" bigint NOT NULL, \"refunded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"recorded_by\" uuid, CONSTRAINT \"refunds_amount_positive\" CHECK (\"amount_fen\" > 0), CONSTRAINT \"PK_5106efb01eeda7e49a78b869738\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_5dcb85de1d184a6e1436dec41f\" ON \"campaigns\".\"refunds\"  (\"sale_id\") ");
  }

  async down(): Promise<void> {
    throw new Error('Sales is not reversible; restore from backup');
  }
}
