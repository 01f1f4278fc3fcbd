import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rewards keeps the shared customer-ownership read model (@crm/service-kit's customer_ownership, fed by
 * CustomerOwnershipReplica from customer.registered/assigned/transferred), so department staff redeem and read
 * points only of customers their department owns (P-1). rewards never heard of owners before, so there are no
 * rows to move: customers' ownership events fill it from now on (customers registered before this migration are
 * known to department staff once customers announces their ownership again; company-wide roles and partners are
 * not affected).
 */
export class CustomerOwnership1796279500000 implements MigrationInterface {
  name = 'CustomerOwnership1796279500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"rewards\".\"customer_ownership\" (\"customer_id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"owned_since\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_22d6f02a5708340f9c7ea2529bf\" PRIMARY KEY (\"customer_id\"))");
    await q.query("CREATE INDEX \"customer_ownership_by_department\" ON \"rewards\".\"customer_ownership\"  (\"department_id\") ");
    await q.query("CREATE INDEX \"customer_ownership_by_owner\" ON \"rewards\".\"customer_ownership\"  (\"owner_id\") ");
  }

  async down(): Promise<void> {
    throw new Error('CustomerOwnership is not reversible; restore from backup');
  }
}
