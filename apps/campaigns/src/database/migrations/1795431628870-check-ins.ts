import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckIns1795431628870 implements MigrationInterface {
  name = 'CheckIns1795431628870';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"attendances\" (\"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"referrer_id\" uuid, \"invitation_id\" uuid, \"department_id\" uuid, \"employee_id\" uuid, \"first_attendance\" boolean NOT NULL, \"checked_in_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"checked_in_by\" uuid, CONSTRAINT \"PK_29143e76b07009858171cfce2e6\" PRIMARY KEY (\"meeting_id\", \"customer_id\"))");
    await q.query("CREATE INDEX \"IDX_1208eb83507bceb6e14e26c1c3\" ON \"campaigns\".\"attendances\"  (\"customer_id\", \"checked_in_at\") ");
  }

  async down(): Promise<void> {
    throw new Error('CheckIns is not reversible; restore from backup');
  }
}
