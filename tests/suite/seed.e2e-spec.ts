/**
 * `npm run seed` against the suite as ops run it (processes from dist, a database of its own): the demo
 * company arrives through the gateway's public API, and a second run finds all of it and creates nothing.
 * Everything is checked through the gateway too, never in the database.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROLES } from '@crm/auth';
import { eventually, freePort, RunningSuite, startSuite, SuiteClient, SuiteResponse } from '@crm/testing';
import { demoCustomers, STAFF } from '../../tools/seed/demo-company';
import { DEMO_REFERRALS } from '../../tools/seed/referral-meeting';

const execFileAsync = promisify(execFile);
const SEED_JS = resolve(__dirname, '..', '..', 'dist', 'tools', 'seed.js');

interface Department {
  id: string;
  code: string;
  headId: string | null;
}
interface Employee {
  id: string;
  role: string;
  departmentId: string | null;
}
interface Customer {
  id: string;
  ownerId: string;
  departmentId: string;
}

/** Runs the compiled seed as `npm run seed` does; a failure carries what the seed printed. */
async function runSeed(gatewayUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [SEED_JS], {
      env: { ...process.env, GATEWAY_URL: gatewayUrl },
      timeout: 120_000,
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

  const listAll = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const res: SuiteResponse<{ items: T[]; nextCursor: string | null }> = await api.rest(
        'GET',
        `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: auth },
      );
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };
  const company = async () => ({
    departments: await listAll<Department>('/api/v1/departments'),
    employees: await listAll<Employee>('/api/v1/employees'),
    customers: await listAll<Customer>('/api/v1/customers'),
  });
  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

  let first: Awaited<ReturnType<typeof runSeed>>;
  let second: Awaited<ReturnType<typeof runSeed>>;
  let afterFirst: Awaited<ReturnType<typeof company>>;
  let afterSecond: Awaited<ReturnType<typeof company>>;

  beforeAll(async () => {
    suite = await startSuite({ services: ['customers', 'campaigns', 'rewards'] });
    api = new SuiteClient(suite.gatewayUrl);
    const token = await api.rest('POST', '/api/v1/auth/dev-token', { body: { role: 'ADMIN' } });
    auth = { authorization: `Bearer ${token.body.accessToken}` };
    first = await runSeed(suite.gatewayUrl);
    afterFirst = await company();
    second = await runSeed(suite.gatewayUrl);
    afterSecond = await company();
  }, 240_000);

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
    // 一部 and 二部 handed in no sheet on any of the window's 8 days (7 before the meeting and its own).
    expect(first.stdout).toContain('daily-sheet fines (J-7): 16 imposed');
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
    expect(ids(afterSecond.departments)).toEqual(ids(afterFirst.departments));
    expect(ids(afterSecond.employees)).toEqual(ids(afterFirst.employees));
    expect(ids(afterSecond.customers)).toEqual(ids(afterFirst.customers));
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
      (res) => res.body.items?.length >= 16,
    );
    expect(fines.status).toBe(200);
    const items = fines.body.items as { employeeId: string; rule: string; amountFen: number }[];
    expect(items).toHaveLength(16);
    expect(new Set(items.map((f) => `${f.rule} ${f.amountFen}`))).toEqual(new Set(['J-7 1000']));
    for (const head of heads) expect(items.filter((f) => f.employeeId === head)).toHaveLength(8);
  });

  it('fails with a clear message when the suite is not there', async () => {
    const result = await runSeed(`http://127.0.0.1:${await freePort()}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot reach the suite at http:\/\/127\.0\.0\.1:\d+/);
  });
});
