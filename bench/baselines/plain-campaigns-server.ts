/**
 * The campaigns baseline: a plain Fastify server with a pg pool that writes the rows the campaigns service
 * writes for an invitation, a confirmation and a daily sheet, into scratch copies of its tables
 * (campaigns-scratch.ts). No auth, no Nest, no validation, none of the J-2..J-6 checks (meeting open, may
 * invite, lock, confirmed customers, sheet window): the floor. Started as its own process by the bench.
 *
 * The caller's employee and department, which the service reads from the bearer token, come in the body.
 * Env: DATABASE_URL (the suite's database), PORT, POOL_SIZE (the service's DATABASE_POOL_SIZE default, 10).
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { SCRATCH_TABLES as T } from './campaigns-scratch';

const UNIQUE_VIOLATION = '23505';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });

const INVITATION_COLUMNS = `id, meeting_id AS "meetingId", customer_id AS "customerId", employee_id AS "employeeId",
  department_id AS "departmentId", status, invited_at AS "invitedAt", confirmed_at AS "confirmedAt"`;

interface InviteBody {
  customerId: string;
  employeeId: string;
  departmentId: string;
}

interface SheetBody {
  departmentId: string;
  customerIds: string[];
  plannedCustomerIds?: string[];
  submittedBy: string;
  /** The service's verdict for this instant (the bench predicts it the same way, sheet-submission.ts). */
  forDay: string;
  effectiveDay: string;
  late: boolean;
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.post<{ Params: { id: string }; Body: InviteBody }>('/api/v1/meetings/:id/invitations', async (request, reply) => {
  const b = request.body;
  try {
    const { rows } = await pool.query(
      `INSERT INTO ${T.invitations} (meeting_id, customer_id, employee_id, department_id, status, invited_at)
       VALUES ($1, $2, $3, $4, 'INVITED', $5) RETURNING ${INVITATION_COLUMNS}`,
      [request.params.id, b.customerId, b.employeeId, b.departmentId, new Date()],
    );
    return reply.code(201).send(rows[0]);
  } catch (e) {
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) return reply.code(409).send({ code: 'ALREADY_INVITED' });
    throw e;
  }
});

app.post<{ Params: { id: string } }>('/api/v1/invitations/:id/confirm', async (request, reply) => {
  const { rows } = await pool.query(
    `UPDATE ${T.invitations} SET status = 'CONFIRMED', confirmed_at = $2 WHERE id = $1 RETURNING ${INVITATION_COLUMNS}`,
    [request.params.id, new Date()],
  );
  return rows.length ? rows[0] : reply.code(404).send({ code: 'INVITATION_NOT_FOUND' });
});

// The service's writes for one sheet, in one transaction: the sheet, then (on time) the locks nobody holds
// yet, then one claim per listed customer (sheets.repository.ts).
app.post<{ Params: { id: string }; Body: SheetBody }>('/api/v1/meetings/:id/sheets', async (request, reply) => {
  const b = request.body;
  const meetingId = request.params.id;
  const at = new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const sheet = await client.query<{ id: string }>(
      `INSERT INTO ${T.sheets} (meeting_id, department_id, submitted_by, submitted_at, for_day, effective_day, late, customer_ids, planned_customer_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (meeting_id, department_id, for_day) DO NOTHING RETURNING id`,
      [meetingId, b.departmentId, b.submittedBy, at, b.forDay, b.effectiveDay, b.late, b.customerIds, b.plannedCustomerIds ?? []],
    );
    if (!sheet.rows.length) {
      await client.query('ROLLBACK');
      return reply.code(409).send({ code: 'SHEET_ALREADY_SUBMITTED' });
    }
    const sheetId = sheet.rows[0].id;
    let locked = new Set<string>();
    if (!b.late) {
      const locks = await client.query<{ customer_id: string }>(
        `INSERT INTO ${T.locks} (meeting_id, customer_id, department_id, sheet_id, locked_at)
         SELECT $1, c, $2, $3, $4 FROM unnest($5::uuid[]) AS c ON CONFLICT (meeting_id, customer_id) DO NOTHING RETURNING customer_id`,
        [meetingId, b.departmentId, sheetId, at, b.customerIds],
      );
      locked = new Set(locks.rows.map((r) => r.customer_id));
    }
    const n = b.customerIds.length;
    const outcomes = b.customerIds.map((c) => (b.late ? 'PENDING' : locked.has(c) ? 'LOCKED' : 'LOST'));
    await client.query(
      `INSERT INTO ${T.claims} (sheet_id, customer_id, meeting_id, department_id, effective_day, late, submitted_at, outcome, reason)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::boolean[], $7::timestamptz[], $8::text[], $9::text[])`,
      [
        Array(n).fill(sheetId),
        b.customerIds,
        Array(n).fill(meetingId),
        Array(n).fill(b.departmentId),
        Array(n).fill(b.effectiveDay),
        Array(n).fill(b.late),
        Array(n).fill(at),
        outcomes,
        outcomes.map((o) => (o === 'LOST' ? 'LOCKED_EARLIER' : null)),
      ],
    );
    await client.query('COMMIT');
    return reply.code(201).send({ id: sheetId, meetingId, departmentId: b.departmentId, forDay: b.forDay, effectiveDay: b.effectiveDay, late: b.late });
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
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
