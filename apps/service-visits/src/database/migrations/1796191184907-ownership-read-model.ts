import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ownership moves to the shared read model (@crm/service-kit's customer_ownership, fed by CustomerOwnershipReplica)
 * and service-visits' own table keeps only what it decides: `customers` becomes `customer_service_state` without
 * owner_id, department_id and owned_since. Every row moves. A window starts only once the customer is owned, so
 * the sweep's partial index reads `window_start IS NOT NULL` where it read `owner_id IS NOT NULL`: a row created
 * by an attendance that overtook the registration keeps its last service but no window until the owner is known.
 */
export class OwnershipReadModel1796191184907 implements MigrationInterface {
  name = 'OwnershipReadModel1796191184907';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"service_visits\".\"customer_ownership\" (\"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"owned_since\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_22d6f02a5708340f9c7ea2529bf\" PRIMARY KEY (\"customer_id\"))");
    await q.query(
      `INSERT INTO "service_visits"."customer_ownership" (customer_id, owner_id, department_id, owned_since)
       SELECT id, owner_id, department_id, owned_since FROM "service_visits"."customers"
        WHERE owner_id IS NOT NULL AND department_id IS NOT NULL AND owned_since IS NOT NULL`,
    );
    await q.query("CREATE INDEX \"customer_ownership_by_department\" ON \"service_visits\".\"customer_ownership\"  (\"department_id\") ");
    await q.query("CREATE INDEX \"customer_ownership_by_owner\" ON \"service_visits\".\"customer_ownership\"  (\"owner_id\") ");
    await q.query("CREATE TABLE \"service_visits\".\"customer_service_state\" (\"id\" uuid NOT NULL, \"stage\" text, \"stage_since\" TIMESTAMP WITH TIME ZONE, \"last_served_at\" TIMESTAMP WITH TIME ZONE, \"window_start\" TIMESTAMP WITH TIME ZONE, \"under_served\" boolean NOT NULL DEFAULT false, \"served_state_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5e91dfd4061eff385d84b5e0e49\" PRIMARY KEY (\"id\"))");
    // An unowned customer's window (set by an attendance before its registration arrived) is cleared: the
    // registration starts it from the later of joining and that attendance, as before.
    await q.query(
      `INSERT INTO "service_visits"."customer_service_state" (id, stage, stage_since, last_served_at, window_start, under_served, served_state_at)
       SELECT c.id, c.stage, c.stage_since, c.last_served_at, CASE WHEN c.owner_id IS NOT NULL AND c.department_id IS NOT NULL AND c.owned_since IS NOT NULL THEN c.window_start END, c.under_served, c.served_state_at
         FROM "service_visits"."customers" c`,
    );
    await q.query("CREATE INDEX \"customer_service_state_flagged_window\" ON \"service_visits\".\"customer_service_state\"  (\"window_start\") WHERE \"under_served\"");
    await q.query("CREATE INDEX \"customer_service_state_under_served\" ON \"service_visits\".\"customer_service_state\"  (\"id\") WHERE \"under_served\"");
    await q.query("CREATE INDEX \"customer_service_state_adequacy_due\" ON \"service_visits\".\"customer_service_state\"  (\"window_start\") WHERE NOT \"under_served\" AND \"window_start\" IS NOT NULL");
    await q.query(`DROP TABLE "service_visits"."customers"`);
  }

  async down(): Promise<void> {
    throw new Error('OwnershipReadModel is not reversible; restore from backup');
  }
}
