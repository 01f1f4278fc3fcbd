import { MigrationInterface, QueryRunner } from 'typeorm';

/** The employee replica learns the login, session version and deactivation that end access tokens everywhere. */
export class EmployeeSessions1796204975175 implements MigrationInterface {
  name = 'EmployeeSessions1796204975175';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"service_visits\".\"employees\" ADD \"login\" text");
    await q.query("ALTER TABLE \"service_visits\".\"employees\" ADD \"session_version\" integer NOT NULL DEFAULT '1'");
    await q.query("ALTER TABLE \"service_visits\".\"employees\" ADD \"deactivated_at\" TIMESTAMP WITH TIME ZONE");
  }

  async down(): Promise<void> {
    throw new Error('EmployeeSessions is not reversible; restore from backup');
  }
}
