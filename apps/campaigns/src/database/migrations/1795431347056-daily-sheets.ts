import { MigrationInterface, QueryRunner } from 'typeorm';

export class DailySheets1795431347056 implements MigrationInterface {
  name = 'DailySheets1795431347056';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"sheets\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"submitted_by\" uuid, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"for_day\" date NOT NULL, \"effective_day\" date NOT NULL, \"late\" boolean NOT NULL, \"customer_ids\" uuid array NOT NULL, \"planned_customer_ids\" uuid array NOT NULL, CONSTRAINT \"sheets_one_per_department_day\" UNIQUE (\"meeting_id\", \"department_id\", \"for_day\"), CONSTRAINT \"PK_0a9a8def984c3b725a18269db3c\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"campaigns\".\"sheet_claims\" (\"sheet_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"effective_day\" date NOT NULL, \"late\" boolean NOT NULL, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"outcome\" text NOT NULL, \"reason\" text, CONSTRAINT \"PK_b64a6ff9e39046b610823978f68\" PRIMARY KEY (\"sheet_id\", \"customer_id\"))");
    await q.query("CREATE INDEX \"IDX_50e45aa618cf49c4f2389f1ef9\" ON \"campaigns\".\"sheet_claims\"  (\"meeting_id\", \"customer_id\") ");
    await q.query("CREATE TABLE \"campaigns\".\"reconciliations\" (\"meeting_id\" uuid NOT NULL, \"day\" date NOT NULL, \"reconciled_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"report\" jsonb NOT NULL, CONSTRAINT \"PK_7f1f5591ee1846cdb783bfe29d9\" PRIMARY KEY (\"meeting_id\", \"day\"))");
    await q.query("CREATE TABLE \"campaigns\".\"sheet_fines\" (\"meeting_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"day\" date NOT NULL, \"fine_id\" uuid NOT NULL, \"status\" text NOT NULL, \"head_id\" uuid, \"amount_fen\" integer NOT NULL, CONSTRAINT \"PK_c6bd730881296f0ee241692b305\" PRIMARY KEY (\"meeting_id\", \"department_id\", \"day\"))");
  }

  async down(): Promise<void> {
    throw new Error('DailySheets is not reversible; restore from backup');
  }
}
