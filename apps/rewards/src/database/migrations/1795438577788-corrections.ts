import { MigrationInterface, QueryRunner } from 'typeorm';

export class Corrections1795438577788 implements MigrationInterface {
  name = 'Corrections1795438577788';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"rewards\".\"points_corrections\" (\"entry_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"points\" integer NOT NULL, \"corrected_by\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a535b61144fcdaf92cef70ecbf2\" PRIMARY KEY (\"entry_id\"))");
  }

  async down(): Promise<void> {
    throw new Error('Corrections is not reversible; restore from backup');
  }
}
