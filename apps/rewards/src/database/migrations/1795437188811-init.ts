import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795437188811 implements MigrationInterface {
  name = 'Init1795437188811';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"rewards\".\"api_keys\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"hash\" text NOT NULL, \"scopes\" text array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5c8a79801b44bd27b79228e1dad\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"rewards\".\"outbox\" (\"id\" uuid NOT NULL, \"sequence\" BIGSERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"version\" integer NOT NULL, \"payload\" jsonb NOT NULL, \"request_id\" character varying(128), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"outbox_pkey\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"outbox_unpublished_idx\" ON \"rewards\".\"outbox\"  (\"sequence\") WHERE \"published_at\" IS NULL");
    await q.query("CREATE TABLE \"rewards\".\"inbox\" (\"event_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"inbox_pkey\" PRIMARY KEY (\"event_id\"))");
    await q.query("CREATE TABLE \"rewards\".\"departments\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"code\" text NOT NULL, \"head_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_839517a681a86bb84cbcc6a1e9d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"rewards\".\"employees\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"role\" text NOT NULL, \"department_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b9535a98350d5b26e7eb0c26af4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"rewards\".\"customers\" (\"id\" uuid NOT NULL, \"referrer_id\" uuid, \"registered_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_133ec679a801fab5e070f73d3ea\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"rewards\".\"fine_entries\" (\"id\" uuid NOT NULL, \"seq\" BIGSERIAL NOT NULL, \"fine_id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"amount_fen\" bigint NOT NULL, \"rule\" text NOT NULL, \"source_event_id\" uuid NOT NULL, \"source_id\" uuid NOT NULL, \"imposed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_11c4ec3d57d1fb55c30cd201139\" UNIQUE (\"fine_id\"), CONSTRAINT \"fine_entries_rule\" CHECK (\"rule\" IN ('J-7', 'J-11', 'C-2', 'C-3', 'C-4')), CONSTRAINT \"fine_entries_amount_positive\" CHECK (\"amount_fen\" > 0), CONSTRAINT \"PK_ff3fa4eb6fb07a6162ed9233106\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"fine_entries_of_department\" ON \"rewards\".\"fine_entries\"  (\"department_id\", \"seq\") ");
    await q.query("CREATE INDEX \"fine_entries_of_employee\" ON \"rewards\".\"fine_entries\"  (\"employee_id\", \"seq\") ");
    await q.query("CREATE TABLE \"rewards\".\"points_entries\" (\"id\" uuid NOT NULL, \"seq\" BIGSERIAL NOT NULL, \"customer_id\" uuid NOT NULL, \"points\" integer NOT NULL, \"reason\" text NOT NULL, \"source_event_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"points_entries_once_per_cause\" UNIQUE (\"source_event_id\", \"customer_id\", \"reason\"), CONSTRAINT \"points_entries_not_zero\" CHECK (\"points\" <> 0), CONSTRAINT \"PK_65c6da170aeec36e4870a88336e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"points_entries_of_customer\" ON \"rewards\".\"points_entries\"  (\"customer_id\", \"seq\") ");
    await q.query("CREATE TABLE \"rewards\".\"points_accounts\" (\"customer_id\" uuid NOT NULL, \"balance\" integer NOT NULL DEFAULT '0', \"lifetime_points\" integer NOT NULL DEFAULT '0', \"owed_points\" integer NOT NULL DEFAULT '0', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"points_accounts_owed_not_negative\" CHECK (\"owed_points\" >= 0), CONSTRAINT \"points_accounts_balance_not_negative\" CHECK (\"balance\" >= 0), CONSTRAINT \"PK_c90f4b0763b099414fd500be38e\" PRIMARY KEY (\"customer_id\"))");
    await q.query("CREATE TABLE \"rewards\".\"redemption_requests\" (\"idempotency_key\" text NOT NULL, \"fingerprint\" text NOT NULL, \"customer_id\" uuid NOT NULL, \"redemption_id\" uuid, \"points\" integer NOT NULL, \"gift\" text NOT NULL, \"status\" integer NOT NULL, \"body\" jsonb NOT NULL, \"requested_by\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9224a022aaa2d237287fc730449\" PRIMARY KEY (\"idempotency_key\"))");
    await q.query("CREATE TABLE \"rewards\".\"referral_bonuses\" (\"referred_customer_id\" uuid NOT NULL, \"referrer_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"source_event_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_dda2d4e54964af241b39032bd4d\" PRIMARY KEY (\"referred_customer_id\"))");
    await q.query("CREATE TABLE \"rewards\".\"referral_sales\" (\"sale_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"customer_id\" uuid NOT NULL, \"referrer_id\" uuid, \"amount_fen\" bigint NOT NULL, \"source_event_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"referral_sales_amount_positive\" CHECK (\"amount_fen\" > 0), CONSTRAINT \"PK_0e0e7f344e726a1e9d85ec9a703\" PRIMARY KEY (\"sale_id\"))");
    await q.query("CREATE TABLE \"rewards\".\"referral_refunds\" (\"refund_id\" uuid NOT NULL, \"sale_id\" uuid NOT NULL, \"amount_fen\" bigint NOT NULL, \"source_event_id\" uuid NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"applied_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"referral_refunds_amount_positive\" CHECK (\"amount_fen\" > 0), CONSTRAINT \"PK_8342c37b7d0854d12714b0e5a04\" PRIMARY KEY (\"refund_id\"))");
    await q.query("CREATE INDEX \"referral_refunds_held\" ON \"rewards\".\"referral_refunds\"  (\"sale_id\") WHERE \"applied_at\" IS NULL");
    await q.query("CREATE TABLE \"rewards\".\"referral_spends\" (\"customer_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"referrer_id\" uuid NOT NULL, \"net_fen\" bigint NOT NULL, \"credited_points\" integer NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"referral_spends_not_negative\" CHECK (\"net_fen\" >= 0 AND \"credited_points\" >= 0), CONSTRAINT \"PK_3182e20638e243d19bc24f1b014\" PRIMARY KEY (\"customer_id\", \"meeting_id\", \"referrer_id\"))");
    // Written by hand (TypeORM knows no triggers).: the ledgers are append-only; a correction is a
    // reversing entry. The trigger refuses UPDATE, DELETE and TRUNCATE whoever asks, the service included.
    await q.query(`CREATE FUNCTION "rewards"."refuse_ledger_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rewards.% is an append-only ledger: % is not allowed; write a reversing entry', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['points_entries', 'fine_entries']) {
      await q.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "rewards"."${table}" FOR EACH ROW EXECUTE FUNCTION "rewards"."refuse_ledger_change"()`);
      await q.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "rewards"."${table}" FOR EACH STATEMENT EXECUTE FUNCTION "rewards"."refuse_ledger_change"()`);
    }
  }

  async down(): Promise<void> {
    throw new Error('Init is not reversible; restore from backup');
  }
}
