import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * C-3/C-4 fine the head of the department that owned the customer when the complaint was filed, so a complaint
 * keeps that department (`customer_department_id`). Which department owned the customer at the filing of an
 * existing complaint was never kept; they get the best value known: the customer's department in the
 * customer-ownership read model when that ownership began no later than the filing (so it held then), else the
 * employee's department (`department_id`), the department whose head their C-3 and C-4 fines used until now.
 * C-5: `complaint_actions` holds what was done about a complaint, recorded by anyone who may see it, the
 * employee it names included.
 */
export class ComplaintActionsAndCustomerDepartment1796192660331 implements MigrationInterface {
  name = 'ComplaintActionsAndCustomerDepartment1796192660331';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"complaints\".\"complaint_actions\" (\"id\" uuid NOT NULL, \"complaint_id\" uuid NOT NULL, \"note\" text NOT NULL, \"recorded_by\" uuid NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c9af2fc9b08d31bd16a288fe75a\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"complaint_actions_of_complaint\" ON \"complaints\".\"complaint_actions\"  (\"complaint_id\", \"recorded_at\") ");
    await q.query('ALTER TABLE "complaints"."complaints" ADD "customer_department_id" uuid');
    await q.query(
      `UPDATE "complaints"."complaints" c SET "customer_department_id" = COALESCE(
         (SELECT o."department_id" FROM "complaints"."customer_ownership" o WHERE o."customer_id" = c."customer_id" AND o."owned_since" <= c."filed_at"),
         c."department_id")`,
    );
    await q.query('ALTER TABLE "complaints"."complaints" ALTER COLUMN "customer_department_id" SET NOT NULL');
  }

  async down(): Promise<void> {
    throw new Error('ComplaintActionsAndCustomerDepartment is not reversible; restore from backup');
  }
}
