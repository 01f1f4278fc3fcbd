import { Client } from 'pg';

/** Departments of the filled complaints, each with a head who is none of the employees (so a breach fines two). */
const DEPARTMENTS = 10;
/** Employees concerned by the complaints and owning the customers, spread over the departments. */
const EMPLOYEES = 200;

/**
 * `complaints` complaints in complaints' own tables, with one set-based statement each, as the service's
 * migrations made them: the departments' read model (with heads, for C-4's second fine) and open, PENDING
 * complaints filed over the last three days (COMPLAINT_SLA_HOURS 72), of which `due` are past due by an hour
 * or more and the rest due an hour or more from now, so the service and the baseline, each with its own now,
 * find the same ones due.
 */
export async function fillComplaints(client: Client, complaints: number, due: number): Promise<void> {
  await client.query(
    `INSERT INTO complaints.departments (id, name, code, head_id, saved_at)
     SELECT md5('department' || d)::uuid, '部门' || d, 'BENCH' || d, md5('head' || d)::uuid, now() FROM generate_series(1, $1) d`,
    [DEPARTMENTS],
  );
  await client.query(
    `INSERT INTO complaints.complaints (id, customer_id, employee_id, department_id, cause, channel, description, status, sla, filed_by, filed_at, due_at)
     SELECT gen_random_uuid(), md5('customer' || i)::uuid, md5('employee' || (i % $3))::uuid, md5('department' || (1 + i % $4))::uuid,
            'WORK_ATTITUDE', 'HOTLINE', '服务态度差', 'OPEN', 'PENDING', 'EMPLOYEE', due - interval '72 hours', due
       FROM generate_series(1, $1) i,
            LATERAL (SELECT CASE WHEN i <= $2 THEN now() - interval '1 hour' - i * interval '1 second'
                                 ELSE now() + interval '1 hour' + (i % 70) * interval '1 hour' + (i % 3600) * interval '1 second' END AS due) d`,
    [complaints, due, EMPLOYEES, DEPARTMENTS],
  );
  await client.query('ANALYZE complaints.complaints');
}

/**
 * `customers` customers in service-visits' two tables, as its migrations made them: each owned in the shared
 * ownership read model (customer_ownership, as CustomerOwnershipReplica would have stored customers' events) and
 * with a V-2 window in customer_service_state: `due` of them last served 91 to 390 days ago (ADEQUACY_DAYS 90),
 * the rest within the last 80 days; none flagged yet. One statement (a data-modifying CTE), so both tables get
 * the same now() and the same rows.
 */
export async function fillCustomers(client: Client, customers: number, due: number): Promise<void> {
  await client.query(
    `WITH filled AS (
       SELECT md5('customer' || i)::uuid AS id, md5('employee' || (i % $3))::uuid AS owner_id, md5('department' || (1 + i % $4))::uuid AS department_id, w
         FROM generate_series(1, $1) i,
              LATERAL (SELECT CASE WHEN i <= $2 THEN now() - interval '91 days' - (i % 300) * interval '1 day' - (i % 3600) * interval '1 second'
                                   ELSE now() - (i % 80) * interval '1 day' - (i % 3600) * interval '1 second' END AS w) s
     ), owned AS (
       INSERT INTO service_visits.customer_ownership (customer_id, owner_id, department_id, owned_since)
       SELECT id, owner_id, department_id, w - interval '30 days' FROM filled
     )
     INSERT INTO service_visits.customer_service_state (id, stage, stage_since, last_served_at, window_start, under_served)
     SELECT id, 'POTENTIAL', w - interval '30 days', w, w, false FROM filled`,
    [customers, due, EMPLOYEES, DEPARTMENTS],
  );
  await client.query('ANALYZE service_visits.customer_ownership');
  await client.query('ANALYZE service_visits.customer_service_state');
}

/** Empties what the adequacy sweep reads and writes, for the next case. */
export async function emptyCustomers(client: Client): Promise<void> {
  await client.query('TRUNCATE service_visits.customer_service_state, service_visits.customer_ownership, service_visits.outbox');
}
