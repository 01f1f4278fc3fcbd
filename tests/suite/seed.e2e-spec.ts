/**
 * `npm run seed` against the suite as ops run it (processes from dist, a database of its own): the demo
 * company arrives through the gateway's public API, and a second run finds all of it and creates nothing.
 * Everything is checked through the gateway too, never in the database.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROLES } from '@crm/auth';
import { eventually, freePort, RunningSuite, startSuite, SuiteClient, SuiteResponse, SuiteSession } from '@crm/testing';
import { DEMO_COMPLAINTS } from '../../tools/seed/complaints';
import { demoCustomers, STAFF } from '../../tools/seed/demo-company';
import { DEMO_REFERRALS } from '../../tools/seed/referral-meeting';
import { DEMO_SERVICES } from '../../tools/seed/service-visits';

const execFileAsync = promisify(execFile);
const SEED_JS = resolve(__dirname, '..', '..', 'dist', 'tools', 'seed.js');

interface Department {
  id: string;
  code: string;
  headId: string | null;
}
interface Employee {
  id: string;
  name: string;
  role: string;
  departmentId: string | null;
}
interface Customer {
  id: string;
  ownerId: string;
  departmentId: string;
}
interface Complaint {
  id: string;
  customerId: string;
  employeeId: string;
  cause: string;
  channel: string;
  description: string;
  status: string;
  sla: string;
  filedAt: string;
  dueAt: string;
  resolutionNote: string | null;
  breachedAt: string | null;
}
interface ServiceRecord {
  id: string;
  customerId: string;
  employeeId: string;
  category: string;
  kind: string;
  notes: string | null;
  readings: unknown[] | null;
  readingsHidden: boolean;
}
interface VisitPlan {
  reason: string;
  complaintId: string | null;
  status: string;
  serviceRecordId: string | null;
}

/** Runs the compiled seed as `npm run seed` does; a failure carries what the seed printed. */
async function runSeed(gatewayUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [SEED_JS], {
      env: { ...process.env, GATEWAY_URL: gatewayUrl },
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? String(error),
    };
  }
}

describe('npm run seed (suite)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  let auth: Record<string, string>;
  const session = new SuiteSession();
  const { tokenOf } = session;

  const listAll = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const res: SuiteResponse<{ items: T[]; nextCursor: string | null }> = await api.rest(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: auth },
      );
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };
  const company = async () => {
    const customers = await listAll<Customer>('/api/v1/customers');
    const serviced = await Promise.all(DEMO_SERVICES.map((s) => byPhone(s.customer)));
    return {
      departments: await listAll<Department>('/api/v1/departments'),
      employees: await listAll<Employee>('/api/v1/employees'),
      customers,
      complaints: await listAll<Complaint>('/api/v1/complaints'),
      serviceRecords: (await Promise.all(serviced.map((c) => listAll<ServiceRecord>(`/api/v1/service-records?customerId=${c.id}`)))).flat(),
    };
  };
  /** The demo customer at `index` of demoCustomers(), found by phone (lists show phones masked, P-1). */
  const byPhone = async (index: number): Promise<Customer> =>
    (await api.rest('GET', `/api/v1/customers?phone=${demoCustomers()[index].phone}`, { headers: auth })).body.items[0];
  const demo = new Map<number, Customer>();
  const demoCustomer = (index: number) => demo.get(index)!;
  const staffNamed = (name: string) => afterFirst.employees.find((e) => e.name === name)!;
  const recordOf = (index: number) => {
    const seed = DEMO_SERVICES[index];
    return afterFirst.serviceRecords.find((r) => r.customerId === demoCustomer(seed.customer).id && r.notes === seed.notes)!;
  };
  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

  let first: Awaited<ReturnType<typeof runSeed>>;
  let second: Awaited<ReturnType<typeof runSeed>>;
  let afterFirst: Awaited<ReturnType<typeof company>>;
  let afterSecond: Awaited<ReturnType<typeof company>>;

  beforeAll(async () => {
    suite = await startSuite({ services: ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'] });
    api = session.connect(suite);
    // The seed's own way in (a development token), rather than a token signed with the test secret.
    auth = await tokenOf({ role: 'ADMIN' });
    first = await runSeed(suite.gatewayUrl);
    afterFirst = await company();
    for (const index of [...DEMO_COMPLAINTS, ...DEMO_SERVICES].map((d) => d.customer)) demo.set(index, await byPhone(index));
    second = await runSeed(suite.gatewayUrl);
    afterSecond = await company();
  }, 420_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('succeeds and says what it created', () => {
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('departments: 3 created, 0 already there');
    expect(first.stdout).toContain(`staff: ${STAFF.length} created, 0 already there`);
    expect(first.stdout).toContain('department heads: 3 assigned, 0 already set');
    expect(first.stdout).toContain('customers: 300 created, 0 already there');
    expect(first.stdout).toContain('meetings: 4 created, 0 already there');
    expect(first.stdout).toContain('past referral meetings: 1 created, 0 already there');
    expect(first.stdout).toContain(`check-ins with a referrer: ${DEMO_REFERRALS.length} created, 0 already there`);
    expect(first.stdout).toContain(`sales: ${DEMO_REFERRALS.length} created, 0 already there`);
    expect(first.stdout).toContain('refunds: 1 created, 0 already there');
    // 一部 and 二部 handed in no sheet on the meeting's day. The seed schedules the meeting on that day (the clock moved
    // there), and the window never starts before the meeting exists (J-3, J-7): one obligation day each.
    expect(first.stdout).toContain('daily-sheet fines (J-7): 2 imposed');
    expect(first.stdout).toContain(`complaints: ${DEMO_COMPLAINTS.length} created, 0 already there`);
    expect(first.stdout).toContain('complaint resolutions: 2 created, 0 already there');
    expect(first.stdout).toMatch(/an open complaint is due \d{4}-\d\d-\d\dT/);
    expect(first.stdout).toContain(`service records: ${DEMO_SERVICES.length} created, 0 already there`);
    expect(first.stdout).toContain('surveys: 3 created, 0 already there');
    expect(first.stdout).toMatch(/visit plans \(V-3\), planned by service-visits: \d+ due, \d+ overdue, [1-9]\d* done/);
    expect(first.stdout).toMatch(/npm run token -- [0-9a-f-]{36} .*head of/);
    expect(first.stdout).toMatch(/npm run token -- [0-9a-f-]{36} .*employee of/);
  });

  it('creates three departments, each headed by a head of its own', () => {
    const { departments, employees } = afterFirst;
    expect(departments.map((d) => d.code).sort()).toEqual(['D1', 'D2', 'D3']);
    for (const d of departments) {
      expect(employees.find((e) => e.id === d.headId)).toMatchObject({
        role: 'DEPARTMENT_HEAD',
        departmentId: d.id,
      });
      expect(
        employees.filter((e) => e.role === 'EMPLOYEE' && e.departmentId === d.id).length,
      ).toBeGreaterThan(0);
    }
  });

  it('has staff in every role', () => {
    expect(afterFirst.employees).toHaveLength(STAFF.length);
    expect(new Set(afterFirst.employees.map((e) => e.role))).toEqual(new Set(ROLES));
  });

  it('spreads 300 customers over the departments and their employees', () => {
    const { departments, employees, customers } = afterFirst;
    expect(customers).toHaveLength(300);
    const employeeById = new Map(employees.map((e) => [e.id, e]));
    for (const c of customers) {
      expect(employeeById.get(c.ownerId)).toMatchObject({ role: 'EMPLOYEE', departmentId: c.departmentId });
    }
    for (const d of departments) expect(customers.filter((c) => c.departmentId === d.id)).toHaveLength(100);
    const owners = employees.filter((e) => e.role === 'EMPLOYEE');
    for (const o of owners) expect(customers.some((c) => c.ownerId === o.id)).toBe(true);
  });

  it('a second run finds everything and creates nothing', () => {
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toContain('departments: 0 created, 3 already there');
    expect(second.stdout).toContain(`staff: 0 created, ${STAFF.length} already there`);
    expect(second.stdout).toContain('department heads: 0 assigned, 3 already set');
    expect(second.stdout).toContain('customers: 0 created, 300 already there');
    expect(second.stdout).toContain('meetings: 0 created, 4 already there');
    expect(second.stdout).toContain('past referral meetings: 0 created, 1 already there');
    expect(second.stdout).toContain(`check-ins with a referrer: 0 created, ${DEMO_REFERRALS.length} already there`);
    expect(second.stdout).toContain(`sales: 0 created, ${DEMO_REFERRALS.length} already there`);
    expect(second.stdout).toContain('refunds: 0 created, 1 already there');
    expect(second.stdout).toContain('daily-sheet fines (J-7): 0 imposed');
    expect(second.stdout).toContain(`complaints: 0 created, ${DEMO_COMPLAINTS.length} already there`);
    expect(second.stdout).toContain('complaint resolutions: 0 created, 2 already there');
    expect(second.stdout).toContain(`service records: 0 created, ${DEMO_SERVICES.length} already there`);
    expect(second.stdout).toContain('surveys: 0 created, 3 already there');
    expect(ids(afterSecond.departments)).toEqual(ids(afterFirst.departments));
    expect(ids(afterSecond.employees)).toEqual(ids(afterFirst.employees));
    expect(ids(afterSecond.customers)).toEqual(ids(afterFirst.customers));
    expect(ids(afterSecond.complaints)).toEqual(ids(afterFirst.complaints));
    expect(ids(afterSecond.serviceRecords)).toEqual(ids(afterFirst.serviceRecords));
  });

  it("gives each referrer the points of R-1 and R-2 for the customer they brought, once however often the seed runs", async () => {
    const customers = demoCustomers();
    for (const r of DEMO_REFERRALS) {
      const found = await api.rest('GET', `/api/v1/customers?phone=${customers[r.referrer].phone}`, { headers: auth });
      const referrerId = found.body.items[0].id;
      // 100 for bringing them (R-1), 100 per full 1000 yuan of what they kept (R-2).
      const expected = 100 + Math.floor((r.amountFen - r.refundFen) / 100_000) * 100;
      const points = await eventually(
        () => api.rest('GET', `/api/v1/points/${referrerId}`, { headers: auth }),
        (res) => res.body.balance === expected,
      );
      expect([customers[r.referrer].phone, points.status, points.body.balance]).toEqual([customers[r.referrer].phone, 200, expected]);
    }
  });

  it("fines the heads of 一部 and 二部 10 yuan for each missing daily sheet of the past joint meeting (J-7)", async () => {
    const heads = afterFirst.departments.filter((d) => d.code === 'D1' || d.code === 'D2').map((d) => d.headId);
    const fines = await eventually(
      () => api.rest('GET', '/api/v1/fines?limit=100', { headers: auth }),
      (res) => res.body.items?.filter((f: { rule: string }) => f.rule === 'J-7').length >= 2,
    );
    expect(fines.status).toBe(200);
    // The complaints' fines (C-2, C-3) are in the same ledger; the sheets' are J-7.
    const items = (fines.body.items as { employeeId: string; rule: string; amountFen: number }[]).filter((f) => f.rule === 'J-7');
    expect(items).toHaveLength(2);
    expect(new Set(items.map((f) => `${f.rule} ${f.amountFen}`))).toEqual(new Set(['J-7 1000']));
    for (const head of heads) expect(items.filter((f) => f.employeeId === head)).toHaveLength(1);
  });

  it('files complaints of different causes and channels about the owners, two resolved with a note and one open within its 72 hours (C-1, C-4, C-5)', () => {
    expect(afterFirst.complaints).toHaveLength(DEMO_COMPLAINTS.length);
    for (const seed of DEMO_COMPLAINTS) {
      const customer = demoCustomer(seed.customer);
      const complaint = afterFirst.complaints.find((c) => c.customerId === customer.id && c.description === seed.description);
      expect(complaint).toMatchObject({ employeeId: customer.ownerId, cause: seed.cause, channel: seed.channel, breachedAt: null });
      if (seed.resolution) expect(complaint).toMatchObject({ status: 'RESOLVED', sla: 'MET', resolutionNote: seed.resolution.note });
      else {
        expect(complaint).toMatchObject({ status: 'OPEN', sla: 'PENDING', resolutionNote: null });
        expect(Date.parse(complaint!.dueAt) - Date.parse(complaint!.filedAt)).toBe(72 * 3_600_000);
        expect(Date.parse(complaint!.dueAt)).toBeGreaterThan(Date.now());
      }
    }
    expect(new Set(afterFirst.complaints.map((c) => c.cause)).size).toBe(DEMO_COMPLAINTS.length);
    expect(new Set(afterFirst.complaints.map((c) => c.channel)).size).toBe(DEMO_COMPLAINTS.length);
  });

  it('fines by channel once however often the seed runs: 100 yuan for the DISCOVERED complaint (C-2), for the employee and the head for the one to the general manager (C-3)', async () => {
    const fines = await eventually(
      () => api.rest('GET', '/api/v1/fines?limit=100', { headers: auth }),
      (res) => res.body.items?.filter((f: { rule: string }) => f.rule.startsWith('C-')).length >= 3,
    );
    const items = (fines.body.items as { employeeId: string; rule: string; amountFen: number }[]).filter((f) => f.rule.startsWith('C-'));
    const expected = [
      [staffNamed('孙鹏').id, 'C-2', 10_000],
      [staffNamed('周涛').id, 'C-3', 10_000],
      [staffNamed('李军').id, 'C-3', 10_000],
    ];
    expect(items.map((f) => [f.employeeId, f.rule, f.amountFen]).sort()).toEqual(expected.sort());
  });

  it('records services by the owning employees, readings shown to the owner only (V-1, P-1)', async () => {
    expect(afterFirst.serviceRecords).toHaveLength(DEMO_SERVICES.length);
    for (const [index, seed] of DEMO_SERVICES.entries()) {
      const customer = demoCustomer(seed.customer);
      const record = recordOf(index);
      expect(record).toMatchObject({ employeeId: customer.ownerId, category: seed.category, kind: seed.kind });
      // The administrator who listed them is no owner: readings are there but hidden.
      expect(record).toMatchObject({ readings: null, readingsHidden: Boolean(seed.readings) });
      const owner = await tokenOf(customer.ownerId);
      const mine = await api.rest('GET', `/api/v1/service-records?customerId=${customer.id}`, { headers: owner });
      expect(mine.body.items.find((r: ServiceRecord) => r.id === record.id)).toMatchObject({ readings: seed.readings ?? null, readingsHidden: false });
    }
    const kinds = new Set(DEMO_SERVICES.map((s) => s.kind));
    expect(kinds.has('HOME_VISIT') && kinds.has('PHONE_CALL')).toBe(true);
  });

  it('leaves visit plans as the rules make them: the resolved complaints followed up, one done by the phone call; the home visit done (V-3)', async () => {
    const plansOf = async (customerIndex: number) =>
      (await api.rest('GET', `/api/v1/visit-plans?customerId=${demoCustomer(customerIndex).id}`, { headers: auth })).body.items as VisitPlan[];
    const complaintOf = (index: number) => afterFirst.complaints.find((c) => c.description === DEMO_COMPLAINTS[index].description)!;
    const followUp = DEMO_SERVICES.findIndex((s) => s.followsUp === 0);
    expect((await plansOf(DEMO_COMPLAINTS[0].customer)).find((p) => p.complaintId === complaintOf(0).id)).toMatchObject({
      reason: 'COMPLAINT_FOLLOW_UP',
      status: 'DONE',
      serviceRecordId: recordOf(followUp).id,
    });
    expect((await plansOf(DEMO_COMPLAINTS[1].customer)).find((p) => p.complaintId === complaintOf(1).id)).toMatchObject({
      reason: 'COMPLAINT_FOLLOW_UP',
      status: expect.stringMatching(/^(DUE|OVERDUE)$/),
    });
    const homeVisit = DEMO_SERVICES.findIndex((s) => s.kind === 'HOME_VISIT');
    const plans = await plansOf(DEMO_SERVICES[homeVisit].customer);
    expect(plans.find((p) => p.serviceRecordId === recordOf(homeVisit).id)).toMatchObject({ reason: 'CADENCE', status: 'DONE' });
    // The cadence counts again from the visit: the next return visit is planned.
    expect(plans.filter((p) => p.reason === 'CADENCE' && p.status === 'DUE')).toHaveLength(1);
  });

  it("takes the customers' surveys of a visit and a resolution, once each, averaged per employee (V-4)", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const report = await api.rest('GET', `/api/v1/surveys/averages?from=${day(-1)}&to=${day(1)}`, { headers: auth });
    expect(report.status).toBe(200);
    const rated = (report.body.employees as { employeeId: string; surveys: number; averageScore: number }[]).map((e) => [e.employeeId, e.surveys, e.averageScore]);
    expect(rated.sort()).toEqual(
      [
        [demoCustomer(DEMO_SERVICES[0].customer).ownerId, 1, 5],
        [demoCustomer(DEMO_SERVICES[2].customer).ownerId, 1, 4],
        [demoCustomer(DEMO_COMPLAINTS[0].customer).ownerId, 1, 4],
      ].sort(),
    );
  });

  it('fails with a clear message when the suite is not there', async () => {
    const result = await runSeed(`http://127.0.0.1:${await freePort()}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot reach the suite at http:\/\/127\.0\.0\.1:\d+/);
  });
});
