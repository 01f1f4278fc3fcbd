import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795427207976 implements MigrationInterface {
  name = 'Init1795427207976';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"api_keys\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"hash\" text NOT NULL, \"scopes\" text array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5c8a79801b44bd27b79228e1dad\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"campaigns\".\"outbox\" (\"id\" uuid NOT NULL, \"sequence\" BIGSERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"version\" integer NOT NULL, \"payload\" jsonb NOT NULL, \"request_id\" character varying(128), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"outbox_pkey\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"outbox_unpublished_idx\" ON \"campaigns\".\"outbox\"  (\"sequence\") WHERE \"published_at\" IS NULL");
    await q.query("CREATE TABLE \"campaigns\".\"inbox\" (\"event_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"inbox_pkey\" PRIMARY KEY (\"event_id\"))");
    await q.query("CREATE TABLE \"campaigns\".\"departments\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"code\" text NOT NULL, \"head_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_839517a681a86bb84cbcc6a1e9d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"campaigns\".\"employees\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"role\" text NOT NULL, \"department_id\" uuid, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b9535a98350d5b26e7eb0c26af4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"campaigns\".\"meetings\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"date\" date NOT NULL, \"slot\" text NOT NULL, \"venue\" text NOT NULL, \"department_ids\" uuid array NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_aa73be861afa77eb4ed31f3ed57\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_0a32a151655319c5236e02f905\" ON \"campaigns\".\"meetings\"  (\"date\", \"id\") ");
    await q.query("CREATE TABLE \"campaigns\".\"outreach_events\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"department_id\" uuid NOT NULL, \"date\" date NOT NULL, \"participant_ids\" uuid array NOT NULL, \"recorded_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b0e545944164c9639815daeca4d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"campaigns\".\"customer_owners\" (\"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"owned_since\" TIMESTAMP WITH TIME ZONE NOT NULL, \"under_served\" boolean NOT NULL DEFAULT false, \"served_state_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5fc6996822387a44acef45d289b\" PRIMARY KEY (\"customer_id\"))");
  }

  async down(): Promise<void> {
    throw new Error('Init is not reversible; restore from backup');
  }
}
