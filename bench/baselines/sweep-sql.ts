import { Client } from 'pg';
import { createScratch, dropScratch } from './scratch-tables';

/**
 * The floor of each sweep: the same rows changed and the same events written by the database alone, in one
 * transaction of one statement (data-modifying CTEs: the UPDATE … RETURNING and the INSERTs that follow from
 * it), on scratch copies of the service's tables filled with a copy of its rows. No batches, no locks skipped,
 * no Node in between: what the work costs PostgreSQL.
 */
export const COMPLAINTS_SCRATCH = {
  complaints: 'complaints.bench_complaints',
  fines: 'complaints.bench_complaint_fines',
  outbox: 'complaints.bench_outbox',
} as const;
const COMPLAINTS_TABLES = { complaints: 'complaints.complaints', fines: 'complaints.complaint_fines', outbox: 'complaints.outbox' };

/** service-visits' V-2 state and the ownership read model its verdicts take the owner and department from. */
export const CUSTOMERS_SCRATCH = {
  state: 'service_visits.bench_customer_service_state',
  ownership: 'service_visits.bench_customer_ownership',
  outbox: 'service_visits.bench_outbox',
} as const;
const CUSTOMERS_TABLES = { state: 'service_visits.customer_service_state', ownership: 'service_visits.customer_ownership', outbox: 'service_visits.outbox' };

/** Scratch copies holding the service's rows as they are now (before its sweep), identical data for both sides. */
export async function copyComplaints(client: Client): Promise<void> {
  await createScratch(client, COMPLAINTS_SCRATCH, COMPLAINTS_TABLES);
  await client.query(`INSERT INTO ${COMPLAINTS_SCRATCH.complaints} SELECT * FROM complaints.complaints`);
  await client.query(`ANALYZE ${COMPLAINTS_SCRATCH.complaints}`);
}

export async function copyCustomers(client: Client): Promise<void> {
  await createScratch(client, CUSTOMERS_SCRATCH, CUSTOMERS_TABLES);
  for (const key of ['state', 'ownership'] as const) {
    await client.query(`INSERT INTO ${CUSTOMERS_SCRATCH[key]} SELECT * FROM ${CUSTOMERS_TABLES[key]}`);
    await client.query(`ANALYZE ${CUSTOMERS_SCRATCH[key]}`);
  }
}

export const dropComplaintsScratch = (client: Client) => dropScratch(client, COMPLAINTS_SCRATCH);
export const dropCustomersScratch = (client: Client) => dropScratch(client, CUSTOMERS_SCRATCH);

/** C-4 at once: breach every pending complaint past due, fine its employee and head, write both kinds of events. */
const BREACH = `
WITH breached AS (
  UPDATE ${COMPLAINTS_SCRATCH.complaints} c SET sla = 'BREACHED', breached_at = $1
   WHERE sla = 'PENDING' AND due_at < $1
  RETURNING c.id, c.customer_id, c.employee_id, c.department_id, c.filed_at, c.due_at,
            (SELECT d.head_id FROM complaints.departments d WHERE d.id = c.department_id) AS head_id
), fined AS (
  INSERT INTO ${COMPLAINTS_SCRATCH.fines} (complaint_id, rule, employee_id, fine_id, department_id, amount_fen, imposed_at)
  SELECT DISTINCT ON (b.id, p.employee_id) b.id, 'C-4', p.employee_id, gen_random_uuid(), b.department_id, 50000, $1
    FROM breached b CROSS JOIN LATERAL (VALUES (b.employee_id), (b.head_id)) p(employee_id)
   WHERE p.employee_id IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING complaint_id, employee_id, fine_id, department_id, amount_fen
), events AS (
  SELECT 'complaint.breached' AS name, jsonb_build_object('complaintId', id, 'customerId', customer_id, 'employeeId', employee_id,
         'departmentId', department_id, 'filedAt', filed_at, 'dueAt', due_at, 'breachedAt', $1::timestamptz) AS payload FROM breached
  UNION ALL
  SELECT 'fine.imposed', jsonb_build_object('fineId', fine_id, 'employeeId', employee_id, 'departmentId', department_id,
         'amountFen', amount_fen, 'rule', 'C-4', 'sourceId', complaint_id, 'imposedAt', $1::timestamptz) FROM fined
), appended AS (
  INSERT INTO ${COMPLAINTS_SCRATCH.outbox} (id, name, version, payload, occurred_at)
  SELECT gen_random_uuid(), name, 1, payload, $1 FROM events RETURNING 1
)
SELECT (SELECT count(*) FROM breached)::int AS changed, (SELECT count(*) FROM fined)::int AS extra, (SELECT count(*) FROM appended)::int AS events`;

/**
 * V-2 at once: flag every owned customer whose window is over (a window starts only once the customer is owned:
 * `window_start IS NOT NULL`), clear those served again, one event each; the owner and department the events
 * carry come from the ownership read model joined by its primary key, and a clearing's servedAt is never before
 * the flag it clears, as in AdequacyRepository.
 */
const FLAG = `
WITH flagged AS (
  UPDATE ${CUSTOMERS_SCRATCH.state} c SET under_served = true, served_state_at = $1
    FROM ${CUSTOMERS_SCRATCH.ownership} o
   WHERE NOT c.under_served AND c.window_start IS NOT NULL AND c.window_start <= $1::timestamptz - make_interval(days => $2)
     AND o.customer_id = c.id
  RETURNING c.id, o.owner_id, o.department_id, c.last_served_at
), cleared AS (
  UPDATE ${CUSTOMERS_SCRATCH.state} c SET under_served = false, served_state_at = $1
    FROM (SELECT id, served_state_at AS flagged_at FROM ${CUSTOMERS_SCRATCH.state}
           WHERE under_served AND window_start > $1::timestamptz - make_interval(days => $2)) was,
         ${CUSTOMERS_SCRATCH.ownership} o
   WHERE c.id = was.id AND o.customer_id = c.id
  RETURNING c.id, o.owner_id, o.department_id, GREATEST(c.window_start, was.flagged_at) AS served_at
), events AS (
  SELECT 'customer.under_served' AS name, jsonb_build_object('customerId', id, 'ownerId', owner_id, 'departmentId', department_id,
         'lastServedAt', last_served_at, 'detectedAt', $1::timestamptz) AS payload FROM flagged
  UNION ALL
  SELECT 'customer.served', jsonb_build_object('customerId', id, 'ownerId', owner_id, 'departmentId', department_id, 'servedAt', served_at) FROM cleared
), appended AS (
  INSERT INTO ${CUSTOMERS_SCRATCH.outbox} (id, name, version, payload, occurred_at)
  SELECT gen_random_uuid(), name, 1, payload, $1 FROM events RETURNING 1
)
SELECT (SELECT count(*) FROM flagged)::int AS changed, (SELECT count(*) FROM cleared)::int AS extra, (SELECT count(*) FROM appended)::int AS events`;

export interface BaselineSweep {
  ms: number;
  /** Complaints breached / customers flagged. */
  changed: number;
  /** Fines booked / customers cleared. */
  extra: number;
  events: number;
  /** BEGIN, the statement, COMMIT. */
  statements: number;
}

async function once(client: Client, sql: string, params: unknown[]): Promise<BaselineSweep> {
  const started = performance.now();
  await client.query('BEGIN');
  const { rows } = await client.query<{ changed: number; extra: number; events: number }>(sql, params);
  await client.query('COMMIT');
  return { ms: performance.now() - started, ...rows[0], statements: 3 };
}

export const breachBaseline = (client: Client, now: Date) => once(client, BREACH, [now]);
export const flagBaseline = (client: Client, now: Date, days: number) => once(client, FLAG, [now, days]);
