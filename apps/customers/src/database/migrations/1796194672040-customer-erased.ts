import { MigrationInterface, QueryRunner } from 'typeorm';

/** P-3: a customer can be erased; every existing customer is not. */
export class CustomerErased1796194672040 implements MigrationInterface {
  name = 'CustomerErased1796194672040';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "customers"."customers" ADD "erased" boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "customers"."customers" DROP COLUMN "erased"');
  }
}
