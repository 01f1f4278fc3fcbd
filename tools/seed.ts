/**
 * `npm run seed`: fills a running suite with the demo company of seed/demo-company.ts through the gateway's
 * public REST API, as an integration partner or administrator would (`GATEWAY_URL`, default
 * http://localhost:4000). Nothing is written to a database directly, so the seed also exercises the API.
 *
 * Safe to run again: departments are recognised by code, staff by name, role and department, customers by
 * phone (409 CUSTOMER_PHONE_EXISTS), the past referral meeting by its venue, its check-ins by 409
 * ALREADY_CHECKED_IN, its sales by customer, complaints by customer and description, service records by
 * customer, kind and notes, surveys by 409 SURVEY_ALREADY_SUBMITTED (one per visit or resolution), and what is
 * already there is left alone.
 */
import { Api, inPool, SeedError, Tally, tally } from './seed/api';
import { seedComplaints } from './seed/complaints';
import { seedMeetings } from './seed/meetings';
import { ReferralTallies, seedReferralMeeting } from './seed/referral-meeting';
import { DEPARTMENTS, demoCustomers, STAFF, StaffSeed } from './seed/demo-company';
import { seedResolutionSurveys, seedServices, visitPlanCounts } from './seed/service-visits';

/** Enough parallel requests to finish in seconds, few enough not to crowd out anyone else using the suite. */
const CONCURRENCY = 8;

interface Department {
  id: string;
  name: string;
  code: string;
  headId: string | null;
}
interface Employee {
  id: string;
  name: string;
  role: string;
  departmentId: string | null;
}

async function seedDepartments(api: Api, tally: Tally): Promise<Map<string, Department>> {
  const byCode = new Map((await api.listAll<Department>('/api/v1/departments')).map((d) => [d.code, d]));
  for (const seed of DEPARTMENTS) {
    if (byCode.has(seed.code)) {
      tally.existing++;
      continue;
    }
    byCode.set(seed.code, (await api.request<Department>('POST', '/api/v1/departments', seed)).body);
    tally.created++;
  }
  return byCode;
}

/** Creates the staff that are missing and answers every demo staff member's employee record by name. */
async function seedStaff(
  api: Api,
  departments: Map<string, Department>,
  tally: Tally,
): Promise<Map<string, Employee>> {
  const departmentIdOf = (s: StaffSeed) => (s.departmentCode ? departments.get(s.departmentCode)!.id : null);
  // Employees have no natural key in the API, so name + role + department is the demo company's key.
  const key = (name: string, role: string, departmentId: string | null) =>
    `${role}|${departmentId ?? '-'}|${name}`;
  const existing = new Map(
    (await api.listAll<Employee>('/api/v1/employees')).map((e) => [key(e.name, e.role, e.departmentId), e]),
  );
  const byName = new Map<string, Employee>();
  await inPool(STAFF, CONCURRENCY, async (s) => {
    const departmentId = departmentIdOf(s);
    let employee = existing.get(key(s.name, s.role, departmentId));
    if (employee) tally.existing++;
    else {
      const body = { name: s.name, role: s.role, ...(departmentId ? { departmentId } : {}) };
      employee = (await api.request<Employee>('POST', '/api/v1/employees', body)).body;
      tally.created++;
    }
    byName.set(s.name, employee);
  });
  return byName;
}

/** Makes each department's demo head its head, unless the department already has one (someone chose). */
async function assignHeads(
  api: Api,
  departments: Map<string, Department>,
  staff: Map<string, Employee>,
  tally: Tally,
) {
  for (const head of STAFF.filter((s) => s.role === 'DEPARTMENT_HEAD')) {
    const department = departments.get(head.departmentCode!)!;
    if (department.headId) {
      tally.existing++;
      continue;
    }
    await api.request('PATCH', `/api/v1/departments/${department.id}`, { headId: staff.get(head.name)!.id });
    tally.created++;
  }
}

async function seedCustomers(api: Api, staff: Map<string, Employee>, tally: Tally) {
  await inPool(demoCustomers(), CONCURRENCY, async ({ ownerName, ...customer }) => {
    const body = { ...customer, ownerId: staff.get(ownerName)!.id };
    const res = await api.request<{ code?: string }>('POST', '/api/v1/customers', body, [409]);
    if (res.status === 409 && res.body.code !== 'CUSTOMER_PHONE_EXISTS') {
      throw new SeedError(`POST /api/v1/customers answered 409 ${res.body.code ?? ''} for ${customer.phone}`);
    }
    if (res.status === 409) tally.existing++;
    else tally.created++;
  });
}

async function main() {
  const baseUrl = (process.env.GATEWAY_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
  const api = new Api(baseUrl);
  const started = performance.now();
  process.stdout.write(`Seeding the demo company at ${baseUrl} …\n`);
  await api.checkReady();
  await api.signInAsAdmin();

  const tallies = { departments: tally(), staff: tally(), heads: tally(), customers: tally(), meetings: tally() };
  const departments = await seedDepartments(api, tallies.departments);
  const staff = await seedStaff(api, departments, tallies.staff);
  await assignHeads(api, departments, staff, tallies.heads);
  await seedCustomers(api, staff, tallies.customers);
  await seedMeetings(api, DEPARTMENTS.map((d) => departments.get(d.code)!.id), tallies.meetings);
  const rewards: ReferralTallies = { meetings: tally(), checkIns: tally(), sales: tally(), refunds: tally(), sheetFines: 0 };
  await seedReferralMeeting(api, [departments.get('D1')!.id, departments.get('D2')!.id], rewards);
  // After the referral meeting, whose step returns the clock to real time: complaints and services happen now.
  const complaints = { complaints: tally(), resolutions: tally(), openDue: [] as string[] };
  const filed = await seedComplaints(api, staff, complaints);
  const services = { records: tally(), surveys: tally() };
  await seedResolutionSurveys(api, filed, services.surveys);
  await seedServices(api, filed, services);
  const plans = await visitPlanCounts(api);

  const line = (what: string, t: Tally, done = 'created', there = 'already there') =>
    `  ${what}: ${t.created} ${done}, ${t.existing} ${there}\n`;
  const firstHead = STAFF.find((s) => s.role === 'DEPARTMENT_HEAD')!;
  const firstEmployee = STAFF.find((s) => s.role === 'EMPLOYEE')!;
  const departmentName = (s: StaffSeed) => departments.get(s.departmentCode!)!.name;
  process.stdout.write(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s:\n` +
      line('departments', tallies.departments) +
      line('staff', tallies.staff) +
      line('department heads', tallies.heads, 'assigned', 'already set') +
      line('customers', tallies.customers) +
      line('meetings', tallies.meetings) +
      line('past referral meetings', rewards.meetings) +
      line('check-ins with a referrer', rewards.checkIns) +
      line('sales', rewards.sales) +
      line('refunds', rewards.refunds) +
      `  daily-sheet fines (J-7): ${rewards.sheetFines} imposed by the sheet-cutoff sweep\n` +
      `  (the suite's clock was moved to the past meeting's day for this and is back on real time)\n` +
      line('complaints', complaints.complaints) +
      line('complaint resolutions', complaints.resolutions) +
      complaints.openDue.map((due) => `  an open complaint is due ${due}: resolved by then or breached by the complaint-sla sweep (C-4)\n`).join('') +
      line('service records', services.records) +
      line('surveys', services.surveys) +
      `  visit plans (V-3), planned by service-visits: ${plans.DUE} due, ${plans.OVERDUE} overdue, ${plans.DONE} done\n` +
      `Call the API as a member of staff:\n` +
      `  npm run token -- ${staff.get(firstHead.name)!.id}   # ${firstHead.name}, head of ${departmentName(firstHead)}\n` +
      `  npm run token -- ${staff.get(firstEmployee.name)!.id}   # ${firstEmployee.name}, employee of ${departmentName(firstEmployee)}\n`,
  );
}

main().catch((error: unknown) => {
  // A SeedError already says what went wrong and what to do; anything else is a bug worth its stack.
  process.stderr.write(
    `seed failed: ${error instanceof SeedError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exitCode = 1;
});
