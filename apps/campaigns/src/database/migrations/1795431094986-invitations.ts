import { MigrationInterface, QueryRunner } from 'typeorm';

export class Invitations1795431094986 implements MigrationInterface {
  name = 'Invitations1795431094986';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"invitations\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"status\" text NOT NULL, \"invited_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"confirmed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"invitations_one_per_department\" UNIQUE (\"meeting_id\", \"customer_id\", \"department_id\"), CONSTRAINT \"PK_5dec98cfdfd562e4ad3648bbb07\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_18d33517acf0794649ce4172bb\" ON \"campaigns\".\"invitations\"  (\"customer_id\") ");
    await q.query("CREATE TABLE \"campaigns\".\"meeting_locks\" (\"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"sheet_id\" uuid, \"locked_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_63d26e77b451586aa43c72115e3\" PRIMARY KEY (\"meeting_id\", \"customer_id\"))");
  }

  async down(): Promise<void> {
    throw new Error('Invitations is not reversible; restore from backup');
  }
}
