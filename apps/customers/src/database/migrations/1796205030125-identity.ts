import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity: sign-in names, sessions that end, password hashes, refresh tokens and the issuer's signing keys. */
export class Identity1796205030125 implements MigrationInterface {
  name = 'Identity1796205030125';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"customers\".\"credentials\" (\"employee_id\" uuid NOT NULL, \"password_hash\" text NOT NULL, \"changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_766ee73c033d2eeb4237a20a7c8\" PRIMARY KEY (\"employee_id\"))");
    await q.query("CREATE TABLE \"customers\".\"sessions\" (\"id\" uuid NOT NULL, \"employee_id\" uuid NOT NULL, \"employee_version\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"end_reason\" text, \"address\" text, CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_07650a22e116a8719afd6d4f69\" ON \"customers\".\"sessions\"  (\"employee_id\") ");
    await q.query("CREATE TABLE \"customers\".\"refresh_tokens\" (\"hash\" bytea NOT NULL, \"session_id\" uuid NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"spent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_2cf4b2a681a38f8044d688b9ccb\" PRIMARY KEY (\"hash\"))");
    await q.query("CREATE INDEX \"IDX_3bf308fa93da3966f9e76fcfba\" ON \"customers\".\"refresh_tokens\"  (\"session_id\") ");
    await q.query("CREATE TABLE \"customers\".\"signing_keys\" (\"kid\" text NOT NULL, \"algorithm\" text NOT NULL, \"public_jwk\" jsonb NOT NULL, \"private_jwk\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"activates_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"retires_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_13362ac3e792c69417e1a53d355\" PRIMARY KEY (\"kid\"))");
    await q.query("ALTER TABLE \"customers\".\"employees\" ADD \"login\" text");
    await q.query("ALTER TABLE \"customers\".\"employees\" ADD \"session_version\" integer NOT NULL DEFAULT '1'");
    await q.query("ALTER TABLE \"customers\".\"employees\" ADD \"deactivated_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("CREATE UNIQUE INDEX \"IDX_286f50261250049d0cb0f9531a\" ON \"customers\".\"employees\"  (\"login\") ");
  }

  async down(): Promise<void> {
    throw new Error('Identity is not reversible; restore from backup');
  }
}
