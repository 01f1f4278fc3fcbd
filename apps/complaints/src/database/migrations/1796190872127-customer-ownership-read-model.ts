import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints keeps who owns which customer in the shared customer-ownership read model (@crm/service-kit) instead
 * of its own copy: the rows of `customers` move to `customer_ownership` (id → customer_id) and the old table goes.
 */
export class CustomerOwnershipReadModel1796190872127 implements MigrationInterface {
  name = 'CustomerOwnershipReadModel1796190872127';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"complaints\".\"customer_ownership\" (\"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"owned_since\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_22d6f02a5708340f9c7ea2529bf\" PRIMARY KEY (\"customer_id\"))");
    await q.query("CREATE INDEX \"customer_ownership_by_department\" ON \"complaints\".\"customer_ownership\"  (\"department_id\") ");
    await q.query("CREATE INDEX \"customer_ownership_by_owner\" ON \"complaints\".\"customer_ownership\"  (\"owner_id\") ");
    await q.query(
      'INSERT INTO "complaints"."customer_ownership" ("customer_id", "owner_id", "department_id", "owned_since") SELECT "id", "owner_id", "department_id", "owned_since" FROM "complaints"."customers"',
    );
    await q.query('DROP TABLE "complaints"."customers"');
  }

  async down(): Promise<void> {
    throw new Error('CustomerOwnershipReadModel is not reversible; restore from backup');
  }
}
