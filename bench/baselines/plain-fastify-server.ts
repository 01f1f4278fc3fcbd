/**
 * The REST baseline: a plain Fastify server with a pg pool that reads a customer by id from the customers
 * service's own table and answers the same JSON the service does. No Nest, no auth, no validation pipe, no
 * audit: the floor any framework on this machine stands on. Started as its own process by bench/run.ts.
 *
 * Env: DATABASE_URL (the suite's database), PORT, POOL_SIZE (the service's DATABASE_POOL_SIZE default, 10).
 */
import Fastify from 'fastify';
import { Pool, types } from 'pg';

const DATE_OID = 1082;

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
  // The service's schema first, as TypeORM sets it up for the service (data-source-options.ts).
  options: '-c search_path=customers,public',
  // A date column stays 'YYYY-MM-DD' text, as TypeORM hands it to the service.
  types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (v: string) => v : types.getTypeParser(oid, format))) as typeof types.getTypeParser },
});

// The statement TypeORM issues for the service's findOneBy({ id }): every column, aliased, one row, sent as an
// unnamed parameterised query (no named prepared statement on either side).
const SELECT_CUSTOMER = `SELECT "CustomerEntity"."id" AS "CustomerEntity_id", "CustomerEntity"."name" AS "CustomerEntity_name",
  "CustomerEntity"."phone" AS "CustomerEntity_phone", "CustomerEntity"."gender" AS "CustomerEntity_gender",
  "CustomerEntity"."birth_date" AS "CustomerEntity_birth_date", "CustomerEntity"."address" AS "CustomerEntity_address",
  "CustomerEntity"."notes" AS "CustomerEntity_notes", "CustomerEntity"."source" AS "CustomerEntity_source",
  "CustomerEntity"."stage" AS "CustomerEntity_stage", "CustomerEntity"."value_tier" AS "CustomerEntity_value_tier",
  "CustomerEntity"."owner_id" AS "CustomerEntity_owner_id", "CustomerEntity"."department_id" AS "CustomerEntity_department_id",
  "CustomerEntity"."referrer_id" AS "CustomerEntity_referrer_id", "CustomerEntity"."under_served" AS "CustomerEntity_under_served",
  "CustomerEntity"."assigned_at" AS "CustomerEntity_assigned_at", "CustomerEntity"."created_at" AS "CustomerEntity_created_at",
  "CustomerEntity"."updated_at" AS "CustomerEntity_updated_at", "CustomerEntity"."erased" AS "CustomerEntity_erased"
  FROM "customers" "CustomerEntity" WHERE (("CustomerEntity"."id" = $1)) LIMIT 1`;

type Row = Record<string, unknown> & { CustomerEntity_created_at: Date };

/** The service's customer view (customer.view.ts), with the phone shown whole as the owner sees it. */
function view(r: Row) {
  return {
    id: r.CustomerEntity_id,
    name: r.CustomerEntity_name,
    phone: r.CustomerEntity_phone,
    phoneMasked: false,
    gender: r.CustomerEntity_gender,
    birthDate: r.CustomerEntity_birth_date,
    address: r.CustomerEntity_address,
    source: r.CustomerEntity_source,
    stage: r.CustomerEntity_stage,
    valueTier: r.CustomerEntity_value_tier,
    ownerId: r.CustomerEntity_owner_id,
    departmentId: r.CustomerEntity_department_id,
    referrerId: r.CustomerEntity_referrer_id,
    underServed: r.CustomerEntity_under_served,
    createdAt: r.CustomerEntity_created_at.toISOString(),
    erased: r.CustomerEntity_erased,
  };
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get<{ Params: { id: string } }>('/api/v1/customers/:id', async (request, reply) => {
  const { rows } = await pool.query<Row>(SELECT_CUSTOMER, [request.params.id]);
  if (!rows.length) return reply.code(404).send({ title: 'Not found' });
  return view(rows[0]);
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
