import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * V-2 takeover reports (one per invitation, decided once by the resource director) and the indexes of the
 * P-2 audit list (by time, by actor). New table and indexes only: no existing row moves.
 */
export class TakeoverReportsAndAuditList1796192725737 implements MigrationInterface {
  name = 'TakeoverReportsAndAuditList1796192725737';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"customers\".\"takeover_reports\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"invitation_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"reporting_employee_id\" uuid NOT NULL, \"reporting_department_id\" uuid NOT NULL, \"status\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decided_by\" uuid, \"decline_reason\" text, CONSTRAINT \"PK_e41b2442400e048957acbb08044\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"takeover_reports_invitation\" ON \"customers\".\"takeover_reports\"  (\"invitation_id\") ");
    await q.query("CREATE INDEX \"IDX_9751a8e7ecb0aed28e2375d2ea\" ON \"customers\".\"takeover_reports\"  (\"customer_id\") ");
    await q.query("CREATE INDEX \"takeover_reports_created\" ON \"customers\".\"takeover_reports\"  (\"created_at\", \"id\") ");
    await q.query("CREATE INDEX \"takeover_reports_status_created\" ON \"customers\".\"takeover_reports\"  (\"status\", \"created_at\", \"id\") ");
    await q.query("CREATE INDEX \"audit_log_actor\" ON \"customers\".\"audit_log\"  (\"actor\", \"at\") ");
    await q.query("CREATE INDEX \"audit_log_at\" ON \"customers\".\"audit_log\"  (\"at\", \"id\") ");
  }

  async down(): Promise<void> {
    throw new Error('TakeoverReportsAndAuditList is not reversible; restore from backup');
  }
}
