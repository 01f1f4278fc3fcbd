import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1796208856345 implements MigrationInterface {
  name = 'IdempotencyKeys1796208856345';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"complaints\".\"idempotency_keys\" (\"id\" uuid NOT NULL, \"caller\" text NOT NULL, \"method\" character varying(10) NOT NULL, \"path\" text NOT NULL, \"key_hash\" character(64) NOT NULL, \"request_hash\" character(64) NOT NULL, \"state\" character varying(10) NOT NULL, \"attempt\" integer NOT NULL DEFAULT '1', \"effects_committed\" boolean NOT NULL DEFAULT false, \"locked_at\" TIMESTAMP WITH TIME ZONE, \"status\" integer, \"headers\" jsonb, \"body\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"idempotency_keys_pkey\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"idempotency_keys_expires_at_idx\" ON \"complaints\".\"idempotency_keys\"  (\"expires_at\") ");
    await q.query("CREATE UNIQUE INDEX \"idempotency_keys_scope_key\" ON \"complaints\".\"idempotency_keys\"  (\"caller\", \"method\", \"path\", \"key_hash\") ");
  }

  async down(): Promise<void> {
    throw new Error('IdempotencyKeys is not reversible; restore from backup');
  }
}
