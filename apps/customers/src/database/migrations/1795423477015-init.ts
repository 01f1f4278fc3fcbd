import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795423477015 implements MigrationInterface {
  name = 'Init1795423477015';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"customers\".\"api_keys\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"hash\" text NOT NULL, \"scopes\" text array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5c8a79801b44bd27b79228e1dad\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"customers\".\"outbox\" (\"id\" uuid NOT NULL, \"sequence\" BIGSERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"version\" integer NOT NULL, \"payload\" jsonb NOT NULL, \"request_id\" character varying(128), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"outbox_pkey\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"outbox_unpublished_idx\" ON \"customers\".\"outbox\"  (\"sequence\") WHERE \"published_at\" IS NULL");
    await q.query("CREATE TABLE \"customers\".\"inbox\" (\"event_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"inbox_pkey\" PRIMARY KEY (\"event_id\"))");
    await q.query("CREATE TABLE \"customers\".\"audit_log\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"actor\" text NOT NULL, \"action\" text NOT NULL, \"subject_type\" text NOT NULL, \"subject_id\" uuid NOT NULL, \"detail\" jsonb NOT NULL DEFAULT '{}', \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"audit_log_subject\" ON \"customers\".\"audit_log\"  (\"subject_id\", \"at\") ");
    await q.query("CREATE TABLE \"customers\".\"departments\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" text NOT NULL, \"code\" text NOT NULL, \"head_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_91fddbe23e927e1e525c152baa3\" UNIQUE (\"code\"), CONSTRAINT \"PK_839517a681a86bb84cbcc6a1e9d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"customers\".\"employees\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" text NOT NULL, \"role\" text NOT NULL, \"department_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b9535a98350d5b26e7eb0c26af4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_678a3540f843823784b0fe4a4f\" ON \"customers\".\"employees\"  (\"department_id\") ");
    await q.query("CREATE TABLE \"customers\".\"customer_history\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"customer_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"from_value\" text, \"to_value\" text NOT NULL, \"cause\" text NOT NULL, \"actor_id\" uuid, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d79bb8dd2e9d589bf0c3cc0c7f2\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"customer_history_customer_at\" ON \"customers\".\"customer_history\"  (\"customer_id\", \"at\") ");
    await q.query("CREATE TABLE \"customers\".\"customers\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" text NOT NULL, \"phone\" text NOT NULL, \"gender\" text, \"birth_date\" date, \"address\" text, \"notes\" text, \"source\" text NOT NULL, \"stage\" text NOT NULL DEFAULT 'POTENTIAL', \"value_tier\" text, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"referrer_id\" uuid, \"under_served\" boolean NOT NULL DEFAULT false, \"assigned_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_88acd889fbe17d0e16cc4bc9174\" UNIQUE (\"phone\"), CONSTRAINT \"PK_133ec679a801fab5e070f73d3ea\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_ef25c31449ab9aadf009452575\" ON \"customers\".\"customers\"  (\"stage\") ");
    await q.query("CREATE INDEX \"IDX_790797178a0a9643de8bbbc960\" ON \"customers\".\"customers\"  (\"owner_id\") ");
    await q.query("CREATE INDEX \"IDX_ac3d43d09dbba144ccf2036284\" ON \"customers\".\"customers\"  (\"department_id\") ");
    await q.query("CREATE INDEX \"customers_created_id\" ON \"customers\".\"customers\"  (\"created_at\", \"id\") ");
    await q.query("CREATE TABLE \"customers\".\"archive_batches\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"outreach_event_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"submitted_by\" uuid, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted\" integer NOT NULL, \"duplicates\" jsonb NOT NULL, \"invalid\" jsonb NOT NULL, \"allocated_at\" TIMESTAMP WITH TIME ZONE, \"allocated_by\" uuid, CONSTRAINT \"PK_deaded8966385b4b1e7a019c74d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_243c9105a9b049c2c23f0794b4\" ON \"customers\".\"archive_batches\"  (\"outreach_event_id\") ");
    await q.query("CREATE TABLE \"customers\".\"archive_batch_customers\" (\"batch_id\" uuid NOT NULL, \"row\" integer NOT NULL, \"customer_id\" uuid NOT NULL, \"employee_id\" uuid, CONSTRAINT \"PK_d60291d2380ebff0834df63289f\" PRIMARY KEY (\"batch_id\", \"row\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_16f51844feb2288e903839d0c5\" ON \"customers\".\"archive_batch_customers\"  (\"customer_id\") ");
    await q.query("CREATE TABLE \"customers\".\"outreach_events\" (\"id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"date\" date NOT NULL, \"participant_ids\" uuid array NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b0e545944164c9639815daeca4d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"customers\".\"customer_purchases\" (\"sale_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"amount_fen\" bigint NOT NULL, \"refunded_fen\" bigint NOT NULL DEFAULT '0', \"sold_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_5ef317e7c29e303a0e4bc03291e\" PRIMARY KEY (\"sale_id\"))");
    await q.query("CREATE INDEX \"customer_purchases_customer_sold\" ON \"customers\".\"customer_purchases\"  (\"customer_id\", \"sold_at\") ");
    await q.query("CREATE TABLE \"customers\".\"customer_attendance\" (\"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"attended_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_8b19bf37b6ceed4b0e3aeab0a7d\" PRIMARY KEY (\"meeting_id\", \"customer_id\"))");
    await q.query("CREATE INDEX \"customer_attendance_customer_at\" ON \"customers\".\"customer_attendance\"  (\"customer_id\", \"attended_at\") ");
    await q.query("CREATE TABLE \"customers\".\"customer_complaints\" (\"complaint_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"filed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"resolved_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_cc71318ddc97a3cb8eb5ee98291\" PRIMARY KEY (\"complaint_id\"))");
    await q.query("CREATE INDEX \"IDX_bdcd14874d6bebc4eefb507f32\" ON \"customers\".\"customer_complaints\"  (\"customer_id\") ");
  }

  async down(): Promise<void> {
    throw new Error('Init is not reversible; restore from backup');
  }
}
