import type { RunningSuite } from '@crm/testing';
import { Client } from 'pg';
import { BaselineSweep, breachBaseline, COMPLAINTS_SCRATCH, copyComplaints, copyCustomers, CUSTOMERS_SCRATCH, dropComplaintsScratch, dropCustomersScratch, flagBaseline } from './baselines/sweep-sql';
import { BenchSettings } from './support/settings';
import { emptyCustomers, fillComplaints, fillCustomers } from './support/sweeps-fill';
import { StatementLog } from './support/statement-log';
import { added, outboxCounts, outboxDrained, runSweep, ServiceSweep } from './support/sweep-trigger';

export interface SweepsBenchContext {
  suite: RunningSuite;
  settings: BenchSettings;
  statements: StatementLog;
  log(line: string): void;
}

/** One sweep run on both sides: what each changed and wrote, and the checks that they did the same. */
export interface SweepRow {
  name: string;
  service: ServiceSweep & { changed: number; extra: number; events: number };
  baseline: BaselineSweep;
  /** What `changed` and `extra` are: "breached", "fines". */
  units: [string, string];
  notes: string[];
}

/** ADEQUACY_DAYS of the service (its default, which the bench does not change). */
const ADEQUACY_DAYS = 90;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'bench' });
  await client.connect();
  return client;
}

/**
 * One round on both sides, once the relay has published the last round's events: the baseline first, then
 * the service's sweep, and the service's outbox rows by name before and after it.
 */
async function sideBySide(c: Client, schema: string, baseline: () => Promise<BaselineSweep>, service: () => Promise<ServiceSweep>) {
  await outboxDrained(c, schema);
  const floor = await baseline();
  const before = await outboxCounts(c, `${schema}.outbox`);
  const sweep = await service();
  return { baseline: floor, service: sweep, before, after: await outboxCounts(c, `${schema}.outbox`) };
}

function expect(problems: string[], what: string, got: number, want: number): void {
  if (got !== want) problems.push(`${what}: ${got}, expected ${want}`);
}

const countFines = async (c: Client) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints.complaint_fines')).rows[0].n;

/** Issue #5: complaint-sla over `complaints` complaints of which `due` are past due, then again with none due. */
async function complaintSla(ctx: SweepsBenchContext, c: Client): Promise<SweepRow[]> {
  const { suite, settings, statements, log } = ctx;
  const url = suite.serviceUrls.complaints;
  const [n, due] = [settings.sweepComplaints, Math.round(settings.sweepComplaints * settings.sweepDueShare)];
  log(`sweeps: complaint-sla, filling ${n} complaints, ${due} past due`);
  await fillComplaints(c, n, due);
  await copyComplaints(c);
  const problems: string[] = [];
  try {
    const rows: SweepRow[] = [];
    for (const round of [1, 2]) {
      const finesBefore = await countFines(c);
      const { baseline, service, before: startOfRound, after } = await sideBySide(c, 'complaints', () => breachBaseline(c, new Date()), () => runSweep(url, 'complaint-sla', statements));
      // The baseline writes its fines to its own table: the service's count moves with the service only.
      const fines = (await countFines(c)) - finesBefore;
      const events = added(startOfRound, after, 'complaint.breached') + added(startOfRound, after, 'fine.imposed');
      const want = round === 1 ? due : 0;
      expect(problems, `run ${round}: service breached`, Number(service.result.breached), want);
      expect(problems, `run ${round}: service fines`, fines, 2 * want);
      expect(problems, `run ${round}: service events`, events, 3 * want);
      expect(problems, `run ${round}: baseline breached`, baseline.changed, want);
      expect(problems, `run ${round}: baseline fines`, baseline.extra, 2 * want);
      rows.push({
        name: round === 1 ? `complaint-sla: ${n.toLocaleString('en')} complaints, ${due.toLocaleString('en')} past due` : 'complaint-sla again, nothing due (every minute in steady state)',
        service: { ...service, changed: Number(service.result.breached), extra: fines, events },
        baseline,
        units: ['breached', 'fines'],
        notes: [],
      });
    }
    // Exactly the due ones, on both sides alike.
    const { rows: check } = await c.query<{ breached: number; early: number; pending_due: number; differ: number }>(
      `SELECT (SELECT count(*) FROM complaints.complaints WHERE sla = 'BREACHED')::int AS breached,
              (SELECT count(*) FROM complaints.complaints WHERE sla = 'BREACHED' AND due_at >= breached_at)::int AS early,
              (SELECT count(*) FROM complaints.complaints WHERE sla = 'PENDING' AND due_at < now() - interval '30 minutes')::int AS pending_due,
              (SELECT count(*) FROM complaints.complaints a FULL JOIN ${COMPLAINTS_SCRATCH.complaints} b USING (id) WHERE a.sla IS DISTINCT FROM b.sla)::int AS differ`,
    );
    expect(problems, 'complaints breached in all', check[0].breached, due);
    expect(problems, 'complaints breached before their due time', check[0].early, 0);
    expect(problems, 'complaints past due still pending', check[0].pending_due, 0);
    expect(problems, 'complaints whose sla differs between the service and the baseline', check[0].differ, 0);
    if (problems.length) throw new Error(`complaint-sla: the results are wrong:\n${problems.join('\n')}`);
    rows[0].notes.push(
      `checked: the service breached exactly the ${due.toLocaleString('en')} complaints past due (none before its due time, none past due left pending, the same ones as the baseline), booked ${(2 * due).toLocaleString('en')} fines (employee and department head, C-4) and wrote ${(3 * due).toLocaleString('en')} outbox events (${due.toLocaleString('en')} complaint.breached + ${(2 * due).toLocaleString('en')} fine.imposed); the second run changed nothing on either side`,
    );
    return rows;
  } finally {
    await dropComplaintsScratch(c);
  }
}

/**
 * Issue #6: service-adequacy over `customers` customers (each owned in customer_ownership, with its V-2 state in
 * customer_service_state) of which `due` have been unserved too long, then again.
 */
async function adequacyCase(ctx: SweepsBenchContext, c: Client, due: number): Promise<SweepRow[]> {
  const { suite, settings, statements, log } = ctx;
  const url = suite.serviceUrls['service-visits'];
  const n = settings.sweepCustomers;
  log(`sweeps: service-adequacy, filling ${n} customers, ${due} due`);
  await outboxDrained(c, 'service_visits');
  await emptyCustomers(c);
  await fillCustomers(c, n, due);
  await copyCustomers(c);
  const problems: string[] = [];
  try {
    const rows: SweepRow[] = [];
    for (const round of [1, 2]) {
      const { baseline, service, before, after } = await sideBySide(c, 'service_visits', () => flagBaseline(c, new Date(), ADEQUACY_DAYS), () => runSweep(url, 'service-adequacy', statements));
      const events = added(before, after, 'customer.under_served') + added(before, after, 'customer.served');
      const want = round === 1 ? due : 0;
      expect(problems, `run ${round}: service flagged`, Number(service.result.flagged), want);
      expect(problems, `run ${round}: service cleared`, Number(service.result.served), 0);
      expect(problems, `run ${round}: service events`, events, want);
      expect(problems, `run ${round}: baseline flagged`, baseline.changed, want);
      expect(problems, `run ${round}: baseline events`, baseline.events, want);
      const share = `${((due / n) * 100).toFixed(0)}%`;
      rows.push({
        name: round === 1 ? `service-adequacy: ${n.toLocaleString('en')} customers, ${due.toLocaleString('en')} (${share}) due` : `service-adequacy again, nothing due (after the ${share} case)`,
        service: { ...service, changed: Number(service.result.flagged), extra: Number(service.result.served), events },
        baseline,
        units: ['flagged', 'cleared'],
        notes: [],
      });
    }
    // Exactly the due ones, on both sides alike, with the owner and department of the ownership read model in
    // every event, and the ownership itself untouched (the sweep reads it, never writes it).
    const S = CUSTOMERS_SCRATCH;
    const { rows: check } = await c.query<{ flagged: number; wrong: number; differ: number; owned: number; ownership_differ: number; misattributed: number; baseline_misattributed: number }>(
      `SELECT (SELECT count(*) FROM service_visits.customer_service_state WHERE under_served)::int AS flagged,
              (SELECT count(*) FROM service_visits.customer_service_state
                WHERE under_served IS DISTINCT FROM (window_start IS NOT NULL AND window_start <= now() - make_interval(days => $1)))::int AS wrong,
              (SELECT count(*) FROM service_visits.customer_service_state a FULL JOIN ${S.state} b USING (id) WHERE a.under_served IS DISTINCT FROM b.under_served)::int AS differ,
              (SELECT count(*) FROM service_visits.customer_ownership)::int AS owned,
              (SELECT count(*) FROM service_visits.customer_ownership a FULL JOIN ${S.ownership} b USING (customer_id)
                WHERE (a.owner_id, a.department_id, a.owned_since) IS DISTINCT FROM (b.owner_id, b.department_id, b.owned_since))::int AS ownership_differ,
              (SELECT count(*) FROM service_visits.outbox e LEFT JOIN service_visits.customer_ownership o ON o.customer_id = (e.payload->>'customerId')::uuid
                WHERE e.name = 'customer.under_served'
                  AND (o.owner_id::text, o.department_id::text) IS DISTINCT FROM (e.payload->>'ownerId', e.payload->>'departmentId'))::int AS misattributed,
              (SELECT count(*) FROM ${S.outbox} e LEFT JOIN ${S.ownership} o ON o.customer_id = (e.payload->>'customerId')::uuid
                WHERE e.name = 'customer.under_served'
                  AND (o.owner_id::text, o.department_id::text) IS DISTINCT FROM (e.payload->>'ownerId', e.payload->>'departmentId'))::int AS baseline_misattributed`,
      [ADEQUACY_DAYS],
    );
    expect(problems, 'customers flagged in all', check[0].flagged, due);
    expect(problems, 'customers whose flag disagrees with their window', check[0].wrong, 0);
    expect(problems, 'customers whose flag differs between the service and the baseline', check[0].differ, 0);
    expect(problems, 'customers owned after the sweeps', check[0].owned, n);
    expect(problems, 'ownership rows that differ from their copy (the sweep changed ownership)', check[0].ownership_differ, 0);
    expect(problems, 'service customer.under_served events whose owner or department is not the ownership read model\'s', check[0].misattributed, 0);
    expect(problems, 'baseline customer.under_served events whose owner or department is not the ownership read model\'s', check[0].baseline_misattributed, 0);
    if (problems.length) throw new Error(`service-adequacy: the results are wrong:\n${problems.join('\n')}`);
    rows[0].notes.push(
      `checked: the service flagged exactly the ${due.toLocaleString('en')} customers whose window started ${ADEQUACY_DAYS} days ago or more (the same ones as the baseline) and wrote ${due.toLocaleString('en')} customer.under_served events, each with the owner and department of customer_ownership (the baseline's too), which neither side changed; the second run changed nothing on either side`,
    );
    return rows;
  } finally {
    await dropCustomersScratch(c);
  }
}

/**
 * Issues #5 and #6: each sweep in its service as deployed, over tables filled with set-based SQL, triggered
 * through the admin endpoint, against the same work done by one statement on an identical copy of the rows
 * (bench/baselines/sweep-sql.ts); then both again with nothing due. Baseline first in each round, after the
 * relay has published the last round's events.
 */
export async function sweepsBench(ctx: SweepsBenchContext): Promise<SweepRow[]> {
  const c = await connect(ctx.suite.db.url);
  try {
    // Each sweep once on empty tables first: the route, the runner and the first statements warm, as they are
    // in a service whose sweeps have been running every minute.
    await runSweep(ctx.suite.serviceUrls.complaints, 'complaint-sla', ctx.statements);
    await runSweep(ctx.suite.serviceUrls['service-visits'], 'service-adequacy', ctx.statements);
    const sla = await complaintSla(ctx, c);
    const n = ctx.settings.sweepCustomers;
    const light = await adequacyCase(ctx, c, Math.round(n * ctx.settings.sweepDueShare));
    const heavy = await adequacyCase(ctx, c, Math.round(n * ctx.settings.sweepHeavyShare));
    return [...sla, ...light, ...heavy];
  } finally {
    await c.end();
  }
}
