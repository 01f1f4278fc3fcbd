import { MigrationInterface, QueryRunner } from 'typeorm';

export class Pitches1795432855363 implements MigrationInterface {
  name = 'Pitches1795432855363';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"pitches\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"role\" text NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c0ab1fa10a5750d17b935c60854\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"pitches_one_active_per_customer\" ON \"campaigns\".\"pitches\"  (\"meeting_id\", \"customer_id\") WHERE \"ended_at\" IS NULL");
    await q.query("CREATE TABLE \"campaigns\".\"pitch_consents\" (\"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"assistant_id\" uuid NOT NULL, \"granted_by\" uuid NOT NULL, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_2e64ad57aad85a1a25b5aff8af3\" PRIMARY KEY (\"meeting_id\", \"customer_id\", \"assistant_id\"))");
  }

  async down(): Promise<void> {
    throw new Error('Pitches is not reversible; restore from backup');
  }
}
