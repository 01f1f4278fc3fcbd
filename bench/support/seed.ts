import { Role } from '@crm/auth';
import { signedIn } from './tokens';
import { callJson, inParallel } from './http';
import { person } from './people';

/** The company the benchmarks run against, and the callers they use. */
export interface BenchCompany {
  departmentId: string;
  otherDepartmentId: string;
  /** The employee who owns every benchmark customer: the normal reader (README, "Who reads"). */
  ownerId: string;
  headId: string;
  colleagueId: string;
  clerkId: string;
  /** Customers to read, all owned by `ownerId`. */
  customerIds: string[];
  headers: {
    owner: Record<string, string>;
    /** An employee of another department: sees the phone masked, so nothing is audited. */
    outsider: Record<string, string>;
    clerk: Record<string, string>;
  };
}

/**
 * Builds the company through the customers service's REST API, as an administrator and the CRM centre would:
 * two departments, staff, and `customers` customers registered in parallel.
 */
export async function seedCompany(serviceUrl: string, customers: number): Promise<BenchCompany> {
  const admin = signedIn(Role.ADMIN);
  const post = <T>(path: string, body: unknown) => callJson<T>(serviceUrl, 'POST', path, admin, body);
  const department = await post<{ id: string }>('/api/v1/departments', { name: '一部', code: 'BENCH1' });
  const other = await post<{ id: string }>('/api/v1/departments', { name: '二部', code: 'BENCH2' });
  const employee = (name: string, role: Role, departmentId?: string) => post<{ id: string }>('/api/v1/employees', { name, role, departmentId });
  const owner = await employee('王芳', Role.EMPLOYEE, department.id);
  const head = await employee('李强', Role.DEPARTMENT_HEAD, department.id);
  const colleague = await employee('张伟', Role.EMPLOYEE, department.id);
  const outsider = await employee('赵敏', Role.EMPLOYEE, other.id);
  const clerk = await employee('陈静', Role.CRM_CLERK);
  // Archive batches are held by the organising department's head until allocation (O-2).
  await callJson(serviceUrl, 'PATCH', `/api/v1/departments/${department.id}`, admin, { headId: head.id });

  const customerIds: string[] = new Array(customers);
  await inParallel(Array.from({ length: customers }, (_, i) => i), 8, async (i) => {
    const p = person('138', i);
    const created = await post<{ id: string }>('/api/v1/customers', {
      name: p.name,
      phone: p.written,
      gender: p.gender,
      birthDate: p.birthDate,
      address: p.address,
      source: 'WALK_IN',
      ownerId: owner.id,
    });
    customerIds[i] = created.id;
  });

  return {
    departmentId: department.id,
    otherDepartmentId: other.id,
    ownerId: owner.id,
    headId: head.id,
    colleagueId: colleague.id,
    clerkId: clerk.id,
    customerIds,
    headers: {
      owner: signedIn(Role.EMPLOYEE, owner.id, department.id),
      outsider: signedIn(Role.EMPLOYEE, outsider.id, other.id),
      clerk: signedIn(Role.CRM_CLERK, clerk.id, null),
    },
  };
}
