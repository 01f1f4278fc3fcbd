import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795453977913 implements MigrationInterface {
  name = 'Init1795453977913';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"service_visits\".\"api_keys\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"hash\" text NOT NULL, \"scopes\" text array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5c8a79801b44bd27b79228e1dad\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"service_visits\".\"outbox\" (\"id\" uuid NOT NULL, \"sequence\" BIGSERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"version\" integer NOT NULL, \"payload\" jsonb NOT NULL, \"request_id\" character varying(128), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"outbox_pkey\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"outbox_unpublished_idx\" ON \"service_visits\".\"outbox\"  (\"sequence\") WHERE \"published_at\" IS NULL");
    await q.query("CREATE TABLE \"service_visits\".\"inbox\" (\"event_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"inbox_pkey\" PRIMARY KEY (\"event_id\"))");
    await q.query("CREATE TABLE \"service_visits\".\"departments\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"code\" text NOT NULL, \"head_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_839517a681a86bb84cbcc6a1e9d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"service_visits\".\"employees\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"role\" text NOT NULL, \"department_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b9535a98350d5b26e7eb0c26af4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"service_visits\".\"customers\" (\"id\" uuid NOT NULL, \"owner_id\" uuid, \"department_id\" uuid, \"owned_since\" TIMESTAMP WITH TIME ZONE, \"stage\" text, \"stage_since\" TIMESTAMP WITH TIME ZONE, \"last_served_at\" TIMESTAMP WITH TIME ZONE, \"window_start\" TIMESTAMP WITH TIME ZONE, \"under_served\" boolean NOT NULL DEFAULT false, \"served_state_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_133ec679a801fab5e070f73d3ea\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"customers_under_served\" ON \"service_visits\".\"customers\"  (\"department_id\", \"id\") WHERE \"under_served\"");
    await q.query("CREATE INDEX \"customers_adequacy_due\" ON \"service_visits\".\"customers\"  (\"window_start\") WHERE NOT \"under_served\" AND \"owner_id\" IS NOT NULL");
    await q.query("CREATE TABLE \"service_visits\".\"complaint_resolutions\" (\"complaint_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"resolved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_e2032aa55dd669a6d419721633c\" PRIMARY KEY (\"complaint_id\"))");
    await q.query("CREATE TABLE \"service_visits\".\"visit_plans\" (\"id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"department_id\" uuid, \"reason\" text NOT NULL, \"stage\" text, \"complaint_id\" uuid, \"status\" text NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"planned_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"overdue_at\" TIMESTAMP WITH TIME ZONE, \"done_at\" TIMESTAMP WITH TIME ZONE, \"service_record_id\" uuid, CONSTRAINT \"visit_plans_status\" CHECK (\"status\" IN ('DUE', 'DONE', 'OVERDUE', 'CANCELLED')), CONSTRAINT \"PK_2ad73c560aa9d8768ffe625f8e5\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"visit_plans_one_open_cadence\" ON \"service_visits\".\"visit_plans\"  (\"customer_id\") WHERE \"reason\" = 'CADENCE' AND \"status\" IN ('DUE', 'OVERDUE')");
    await q.query("CREATE INDEX \"visit_plans_due\" ON \"service_visits\".\"visit_plans\"  (\"due_at\") WHERE \"status\" = 'DUE'");
    await q.query("CREATE INDEX \"visit_plans_of_customer\" ON \"service_visits\".\"visit_plans\"  (\"customer_id\", \"status\") ");
    await q.query("CREATE INDEX \"visit_plans_of_employee\" ON \"service_visits\".\"visit_plans\"  (\"employee_id\", \"status\", \"due_at\") ");
    await q.query("CREATE TABLE \"service_visits\".\"readings_reads\" (\"id\" uuid NOT NULL, \"actor\" text NOT NULL, \"service_record_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"channel\" text NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_46a37fb374dae9d7aaaf69c7faf\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"readings_reads_of_customer\" ON \"service_visits\".\"readings_reads\"  (\"customer_id\", \"at\") ");
    await q.query("CREATE TABLE \"service_visits\".\"service_records\" (\"id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"department_id\" uuid, \"category\" text NOT NULL, \"kind\" text NOT NULL, \"notes\" text, \"readings_sealed\" bytea, \"readings_key_id\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"service_records_readings_sealed\" CHECK ((\"readings_sealed\" IS NULL) = (\"readings_key_id\" IS NULL)), CONSTRAINT \"service_records_category\" CHECK (\"category\" IN ('PRE_SALE', 'IN_SALE', 'AFTER_SALE', 'REGULAR')), CONSTRAINT \"PK_eb60ec90c5548e73a5211c48ab9\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"service_records_of_customer\" ON \"service_visits\".\"service_records\"  (\"customer_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"service_visits\".\"surveys\" (\"id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"subject_type\" text NOT NULL, \"subject_id\" uuid NOT NULL, \"score\" smallint NOT NULL, \"comment\" text, \"employee_id\" uuid NOT NULL, \"department_id\" uuid, \"submitted_by\" text NOT NULL, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"surveys_score\" CHECK (\"score\" BETWEEN 1 AND 5), CONSTRAINT \"PK_1b5e3d4aaeb2321ffa98498c971\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"surveys_of_employee\" ON \"service_visits\".\"surveys\"  (\"employee_id\", \"submitted_at\") ");
    await q.query("CREATE INDEX \"surveys_of_department\" ON \"service_visits\".\"surveys\"  (\"department_id\", \"submitted_at\") ");
    await q.query("CREATE UNIQUE INDEX \"surveys_one_per_subject\" ON \"service_visits\".\"surveys\"  (\"subject_type\", \"subject_id\") ");
    // Written by hand (TypeORM knows no triggers). P-2: the record of who saw health readings is append-only;
    // the trigger refuses UPDATE, DELETE and TRUNCATE whoever asks, the service included.
    await q.query(`CREATE FUNCTION "service_visits"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'service_visits.% is an append-only audit record: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER "readings_reads_append_only" BEFORE UPDATE OR DELETE ON "service_visits"."readings_reads" FOR EACH ROW EXECUTE FUNCTION "service_visits"."refuse_audit_change"()`);
    await q.query(`CREATE TRIGGER "readings_reads_no_truncate" BEFORE TRUNCATE ON "service_visits"."readings_reads" FOR EACH STATEMENT EXECUTE FUNCTION "service_visits"."refuse_audit_change"()`);
  }

  async down(): Promise<void> {
    throw new Error('Init is not reversible; restore from backup');
  }
}
