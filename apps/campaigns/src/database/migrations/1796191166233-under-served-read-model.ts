import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer ownership comes from the shared read model of @crm/service-kit (table customer_ownership) and the V-2
 * flag becomes campaigns' own table (under_served_customers): the rows of customer_owners move, then it goes.
 */
export class UnderServedReadModel1796191166233 implements MigrationInterface {
  name = 'UnderServedReadModel1796191166233';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"campaigns\".\"customer_ownership\" (\"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"owned_since\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_22d6f02a5708340f9c7ea2529bf\" PRIMARY KEY (\"customer_id\"))");
    await q.query("CREATE INDEX \"customer_ownership_by_department\" ON \"campaigns\".\"customer_ownership\"  (\"department_id\") ");
    await q.query("CREATE INDEX \"customer_ownership_by_owner\" ON \"campaigns\".\"customer_ownership\"  (\"owner_id\") ");
    await q.query("CREATE TABLE \"campaigns\".\"under_served_customers\" (\"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"under_served\" boolean NOT NULL, \"verdict_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d5222a2ca642bf82a67997f86f2\" PRIMARY KEY (\"customer_id\"))");
    // Every known owner moves as it is (owned_since keeps the newer-wins order of later events).
    await q.query(
      'INSERT INTO "campaigns"."customer_ownership" ("customer_id", "owner_id", "department_id", "owned_since") SELECT "customer_id", "owner_id", "department_id", "owned_since" FROM "campaigns"."customer_owners"',
    );
    // Every V-2 verdict received so far (served_state_at set), flagged or cleared, with the owner it was about.
    await q.query(
      'INSERT INTO "campaigns"."under_served_customers" ("customer_id", "owner_id", "department_id", "under_served", "verdict_at") SELECT "customer_id", "owner_id", "department_id", "under_served", "served_state_at" FROM "campaigns"."customer_owners" WHERE "served_state_at" IS NOT NULL',
    );
    await q.query('DROP TABLE "campaigns"."customer_owners"');
  }

  async down(): Promise<void> {
    throw new Error('UnderServedReadModel is not reversible; restore from backup');
  }
}
