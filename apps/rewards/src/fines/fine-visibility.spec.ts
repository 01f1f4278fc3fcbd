import { Principal, Role } from '@crm/auth';
import { visibleFines } from './fine-visibility';

const me = 'e0000000-0000-4000-8000-000000000001';
const other = 'e0000000-0000-4000-8000-000000000002';
const d1 = 'd0000000-0000-4000-8000-000000000001';
const d2 = 'd0000000-0000-4000-8000-000000000002';
const staff = (role: Role, departmentId: string | null = d1): Principal => ({ kind: 'employee', employeeId: me, role, departmentId });

describe('who sees staff fines (R-4)', () => {
  it.each<[string, Principal, object, object]>([
    ['an employee, their own', staff(Role.EMPLOYEE), { employeeId: me }, { employeeId: me }],
    ['an employee asking nothing: their own', staff(Role.EMPLOYEE), {}, { employeeId: me }],
    ['an employee, their own in their department', staff(Role.EMPLOYEE), { employeeId: me, departmentId: d1 }, { employeeId: me, departmentId: d1 }],
    ['a head, their department', staff(Role.DEPARTMENT_HEAD), { departmentId: d1 }, { departmentId: d1 }],
    ['a head asking nothing: their department', staff(Role.DEPARTMENT_HEAD), {}, { departmentId: d1 }],
    ["a head, an employee's fines within their department", staff(Role.DEPARTMENT_HEAD), { employeeId: other }, { employeeId: other, departmentId: d1 }],
    ['a head, their own fines anywhere', staff(Role.DEPARTMENT_HEAD), { employeeId: me }, { employeeId: me }],
    ['the general manager, anyone', staff(Role.GENERAL_MANAGER), { departmentId: d2 }, { departmentId: d2 }],
    ['an admin, everything', staff(Role.ADMIN, null), {}, {}],
  ])('%s', (_what, caller, asked, filter) => {
    expect(visibleFines(caller, asked)).toEqual(filter);
  });

  it.each<[string, Principal | undefined, object]>([
    ["an employee, someone else's", staff(Role.EMPLOYEE), { employeeId: other }],
    ["an employee, their department's", staff(Role.EMPLOYEE), { departmentId: d1 }],
    ["an employee, their own filtered to another department", staff(Role.EMPLOYEE), { employeeId: me, departmentId: d2 }],
    ["a head, another department's", staff(Role.DEPARTMENT_HEAD), { departmentId: d2 }],
    ["a head without a department, someone else's", staff(Role.DEPARTMENT_HEAD, null), { employeeId: other }],
    ["the coordinator, a department's", staff(Role.COORDINATOR), { departmentId: d1 }],
    ["the resource director, an employee's", staff(Role.RESOURCE_DIRECTOR), { employeeId: other }],
    ['a partner', { kind: 'partner', keyId: 'k', name: 'ERP', scopes: ['points:read'] }, {}],
    ['nobody', undefined, {}],
  ])('refuses %s', (_what, caller, asked) => {
    expect(() => visibleFines(caller, asked)).toThrow(expect.objectContaining({ code: 'FINES_NOT_VISIBLE', status: 403 }));
  });
});
