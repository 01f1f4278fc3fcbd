import { Role } from '@crm/auth';
import { signedIn } from './tokens';
import { callJson, inParallel } from './http';
import { person } from './people';

export const JOINT_DEPARTMENTS = 5;
/** Inviting employees per department; each department also has a head, who hands in its sheets. */
export const EMPLOYEES_PER_DEPARTMENT = 4;

export interface Staff {
  id: string;
  headers: Record<string, string>;
}

export interface JointDepartment {
  id: string;
  head: Staff;
  employees: Staff[];
}

export interface JointCustomer {
  id: string;
  /** Index into JointCompany.departments, and that department's id. */
  department: number;
  departmentId: string;
  /** The employee of its department who owns it, and so invites it. */
  owner: Staff;
}

export interface JointCompany {
  departments: JointDepartment[];
  customers: JointCustomer[];
  admin: Record<string, string>;
}

/**
 * Five departments, each with a head and four employees, and `customers` customers spread round-robin over
 * the departments and, within one, over its employees. All through the customers REST API behind the
 * gateway, as an administrator would; campaigns learns them from the events that follows
 * (department.saved, employee.saved, customer.registered).
 */
export async function seedJointCompany(gatewayUrl: string, customers: number): Promise<JointCompany> {
  const admin = signedIn(Role.ADMIN);
  const post = <T>(path: string, body: unknown) => callJson<T>(gatewayUrl, 'POST', path, admin, body);
  const departments: JointDepartment[] = [];
  for (let d = 0; d < JOINT_DEPARTMENTS; d++) {
    const department = await post<{ id: string }>('/api/v1/departments', { name: `联合${d + 1}部`, code: `JOINT${d + 1}` });
    const staff = async (name: string, role: Role): Promise<Staff> => {
      const { id } = await post<{ id: string }>('/api/v1/employees', { name, role, departmentId: department.id });
      return { id, headers: signedIn(role, id, department.id) };
    };
    const head = await staff(`${d + 1}部经理`, Role.DEPARTMENT_HEAD);
    const employees: Staff[] = [];
    for (let e = 0; e < EMPLOYEES_PER_DEPARTMENT; e++) employees.push(await staff(`${d + 1}部员工${e + 1}`, Role.EMPLOYEE));
    await callJson(gatewayUrl, 'PATCH', `/api/v1/departments/${department.id}`, admin, { headId: head.id });
    departments.push({ id: department.id, head, employees });
  }

  const list: JointCustomer[] = new Array(customers);
  await inParallel(Array.from({ length: customers }, (_, i) => i), 8, async (i) => {
    const department = i % JOINT_DEPARTMENTS;
    const owner = departments[department].employees[Math.floor(i / JOINT_DEPARTMENTS) % EMPLOYEES_PER_DEPARTMENT];
    const p = person('136', i);
    const { id } = await post<{ id: string }>('/api/v1/customers', {
      name: p.name,
      phone: p.written,
      gender: p.gender,
      birthDate: p.birthDate,
      address: p.address,
      source: 'WALK_IN',
      ownerId: owner.id,
    });
    list[i] = { id, department, departmentId: departments[department].id, owner };
  });
  return { departments, customers: list, admin };
}

/** A POST whose answer may be a 422 naming something campaigns has not learnt yet: retried for up to 30 s. */
export async function postOnceKnown<T>(url: string, path: string, headers: Record<string, string>, body: unknown, waitingFor: string): Promise<T> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.ok) return JSON.parse(text) as T;
    const code = res.status === 422 ? (JSON.parse(text) as { code?: string }).code : undefined;
    if (code !== waitingFor || performance.now() > deadline) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Joint meetings of all five departments on `date`, planned by the administrator through the gateway. */
export async function planJointMeetings(gatewayUrl: string, company: JointCompany, date: string, count: number, venue: string): Promise<string[]> {
  const ids: string[] = new Array(count);
  const departmentIds = company.departments.map((d) => d.id);
  // The first waits until campaigns knows the five departments; the rest find them known.
  const plan = (i: number) =>
    postOnceKnown<{ id: string }>(gatewayUrl, '/api/v1/meetings', company.admin, { date, slot: 'EVENING', venue: `${venue} ${i + 1}`, departmentIds }, 'DEPARTMENT_NOT_FOUND');
  ids[0] = (await plan(0)).id;
  await inParallel(Array.from({ length: count - 1 }, (_, i) => i + 1), 8, async (i) => {
    ids[i] = (await plan(i)).id;
  });
  return ids;
}
