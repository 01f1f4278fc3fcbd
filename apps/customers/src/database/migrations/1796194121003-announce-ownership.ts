import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rewards now keeps the customer-ownership read model too (P-1: department staff redeem and read points of their
 * own department's customers only), but it never received the ownership events sent before it did. This announces
 * every customer's current owner once through the outbox, as `customer.assigned` with no change of owner, dated one
 * millisecond before the assignment it repeats: a read model that already holds that assignment keeps it (the newer
 * ownership wins, so nothing it did on that assignment runs again), one that has nothing (rewards) takes it.
 */
export class AnnounceOwnership1796194121003 implements MigrationInterface {
  name = 'AnnounceOwnership1796194121003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO "customers"."outbox" ("id", "name", "version", "payload", "request_id", "occurred_at")
      SELECT gen_random_uuid(), 'customer.assigned', 1,
             jsonb_build_object(
               'customerId', c.id, 'ownerId', c.owner_id, 'departmentId', c.department_id,
               'previousOwnerId', c.owner_id, 'previousDepartmentId', c.department_id,
               'allocationId', NULL, 'assignedBy', NULL,
               'assignedAt', to_char((c.assigned_at - interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
             NULL, now()
        FROM "customers"."customers" c
       ORDER BY c.created_at, c.id`);
  }

  async down(): Promise<void> {
    throw new Error('AnnounceOwnership is not reversible; its events may already have been delivered');
  }
}
