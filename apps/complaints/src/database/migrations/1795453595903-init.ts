import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795453595903 implements MigrationInterface {
  name = 'Init1795453595903';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"complaints\".\"api_keys\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"hash\" text NOT NULL, \"scopes\" text array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5c8a79801b44bd27b79228e1dad\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"complaints\".\"outbox\" (\"id\" uuid NOT NULL, \"sequence\" BIGSERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"version\" integer NOT NULL, \"payload\" jsonb NOT NULL, \"request_id\" character varying(128), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"outbox_pkey\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"outbox_unpublished_idx\" ON \"complaints\".\"outbox\"  (\"sequence\") WHERE \"published_at\" IS NULL");
    await q.query("CREATE TABLE \"complaints\".\"inbox\" (\"event_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"inbox_pkey\" PRIMARY KEY (\"event_id\"))");
    await q.query("CREATE TABLE \"complaints\".\"departments\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"code\" text NOT NULL, \"head_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_839517a681a86bb84cbcc6a1e9d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"complaints\".\"employees\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"role\" text NOT NULL, \"department_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b9535a98350d5b26e7eb0c26af4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"complaints\".\"customers\" (\"id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"owned_since\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_133ec679a801fab5e070f73d3ea\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"complaints\".\"complaints\" (\"id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"cause\" text NOT NULL, \"channel\" text NOT NULL, \"description\" text NOT NULL, \"status\" text NOT NULL, \"sla\" text NOT NULL, \"filed_by\" text NOT NULL, \"filed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolution_note\" text, \"resolved_by\" uuid, \"reopened_at\" TIMESTAMP WITH TIME ZONE, \"reopened_by\" uuid, \"reopen_reason\" text, \"breached_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"complaints_breach_has_time\" CHECK ((\"sla\" = 'BREACHED') = (\"breached_at\" IS NOT NULL)), CONSTRAINT \"complaints_resolved_has_note\" CHECK (\"status\" = 'OPEN' OR (\"resolved_at\" IS NOT NULL AND \"resolution_note\" IS NOT NULL)), CONSTRAINT \"complaints_sla\" CHECK (\"sla\" IN ('PENDING', 'MET', 'BREACHED')), CONSTRAINT \"complaints_status\" CHECK (\"status\" IN ('OPEN', 'RESOLVED')), CONSTRAINT \"complaints_channel\" CHECK (\"channel\" IN ('DISCOVERED', 'TO_GENERAL_MANAGER', 'HOTLINE', 'VISIT', 'PARTNER', 'OTHER')), CONSTRAINT \"complaints_cause\" CHECK (\"cause\" IN ('SERVICE_NOT_IN_PLACE', 'EMPLOYEE_SELFISHNESS', 'WORK_ATTITUDE', 'INTER_DEPARTMENT_DISPUTE', 'OTHER')), CONSTRAINT \"PK_4b7566a2a489c2cc7c12ed076ad\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"complaints_pending_due\" ON \"complaints\".\"complaints\"  (\"due_at\") WHERE \"sla\" = 'PENDING'");
    await q.query("CREATE INDEX \"complaints_of_employee\" ON \"complaints\".\"complaints\"  (\"employee_id\", \"filed_at\") ");
    await q.query("CREATE INDEX \"complaints_of_department\" ON \"complaints\".\"complaints\"  (\"department_id\", \"filed_at\") ");
    await q.query("CREATE INDEX \"complaints_of_customer\" ON \"complaints\".\"complaints\"  (\"customer_id\", \"filed_at\") ");
    await q.query("CREATE TABLE \"complaints\".\"complaint_fines\" (\"complaint_id\" uuid NOT NULL, \"rule\" text NOT NULL, \"employee_id\" uuid NOT NULL, \"fine_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"amount_fen\" bigint NOT NULL, \"imposed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_bfbd63a0c0c8438a1bc7ed45bab\" UNIQUE (\"fine_id\"), CONSTRAINT \"PK_b6b1fb250e9584a26e7461f521f\" PRIMARY KEY (\"complaint_id\", \"rule\", \"employee_id\"))");
  }

  async down(): Promise<void> {
    throw new Error('Init is not reversible; restore from backup');
  }
}
