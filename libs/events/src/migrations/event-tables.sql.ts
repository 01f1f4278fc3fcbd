import { InboxEventEntity, INBOX_TABLE } from '../consumer/inbox.entity';
import { OUTBOX_TABLE, OUTBOX_UNPUBLISHED_INDEX, OutboxEventEntity } from '../outbox/outbox.entity';
import { ident, qualified } from '../support/sql';

/** Entities to list in a service's DataSource `entities`. */
export const EVENT_ENTITIES = [OutboxEventEntity, InboxEventEntity];

export interface MigrationSql {
  up: string[];
  down: string[];
}

/**
 * The SQL that creates a service's outbox and inbox tables in `schema`, for the service's first migration:
 *
 * ```ts
 * export class Init1700000000000 implements MigrationInterface {
 *   async up(q: QueryRunner) { for (const s of eventTablesSql('rewards').up) await q.query(s); }
 *   async down(q: QueryRunner) { for (const s of eventTablesSql('rewards').down) await q.query(s); }
 * }
 * ```
 *
 * It matches the entities exactly (a test runs TypeORM's schema diff against it), so the drift check stays
 * quiet. Migrations are never edited once landed: a later change to these tables needs a new helper version.
 */
export function eventTablesSql(schema: string): MigrationSql {
  const outbox = qualified(schema, OUTBOX_TABLE);
  const inbox = qualified(schema, INBOX_TABLE);
  return {
    up: [
      `CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`,
      `CREATE TABLE ${outbox} (
        "id" uuid NOT NULL,
        "sequence" bigserial NOT NULL,
        "name" varchar(100) NOT NULL,
        "version" integer NOT NULL,
        "payload" jsonb NOT NULL,
        "request_id" varchar(128),
        "occurred_at" timestamptz NOT NULL,
        "published_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
      )`,
      // The relay's only query path: unpublished rows in order. Partial, so it stays as small as the backlog.
      `CREATE INDEX ${ident(OUTBOX_UNPUBLISHED_INDEX)} ON ${outbox} ("sequence") WHERE "published_at" IS NULL`,
      `CREATE TABLE ${inbox} (
        "event_id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "received_at" timestamptz NOT NULL,
        CONSTRAINT "inbox_pkey" PRIMARY KEY ("event_id")
      )`,
    ],
    down: [`DROP TABLE ${inbox}`, `DROP TABLE ${outbox}`],
  };
}
