import { MigrationInterface, QueryRunner } from 'typeorm';

export class Disputes1795432774213 implements MigrationInterface {
  name = 'Disputes1795432774213';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"disputes\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"customer_id\" uuid, \"party_employee_ids\" uuid array NOT NULL, \"description\" text NOT NULL, \"argued_in_front_of_customers\" boolean NOT NULL, \"status\" text NOT NULL, \"recorded_by\" uuid, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ruling\" text, \"awarded_department_id\" uuid, \"ruled_by\" uuid, \"ruled_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_3c97580d01c1a4b0b345c42a107\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_b41a8c8703bc1b9a17163a810a\" ON \"campaigns\".\"disputes\"  (\"meeting_id\") ");
    await q.query("CREATE TABLE \"campaigns\".\"dispute_fines\" (\"dispute_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"fine_id\" uuid NOT NULL, CONSTRAINT \"PK_bad055756d3bde3becd7b63cba6\" PRIMARY KEY (\"dispute_id\", \"employee_id\"))");
  }

  async down(): Promise<void> {
    throw new Error('Disputes is not reversible; restore from backup');
  }
}
