import { EmployeePrincipal, isDepartmentStaff, PartnerPrincipal, Role, servesCustomer } from '@crm/auth';
import { maySeePersonalData } from './customer-access';

const employee = (employeeId: string, role: Role, departmentId: string | null): EmployeePrincipal => ({ kind: 'employee', employeeId, role, departmentId });
const partner = (scopes: string[]): PartnerPrincipal => ({ kind: 'partner', keyId: 'k1', name: 'ERP', scopes: scopes as PartnerPrincipal['scopes'] });
const customer = { ownerId: 'owner', departmentId: 'd1' };

describe('who serves a customer and sees their service notes (P-1)', () => {
  it.each([
    ['the owner', employee('owner', Role.EMPLOYEE, 'd1'), true, true],
    ['the owner, even as head of another department', employee('owner', Role.DEPARTMENT_HEAD, 'd2'), true, true],
    ["the owning department's head", employee('head', Role.DEPARTMENT_HEAD, 'd1'), true, true],
    ['a colleague of the owner', employee('colleague', Role.EMPLOYEE, 'd1'), false, false],
    ["another department's head", employee('head2', Role.DEPARTMENT_HEAD, 'd2'), false, false],
    ["another department's employee", employee('e2', Role.EMPLOYEE, 'd2'), false, false],
    ['a head of no department', employee('head0', Role.DEPARTMENT_HEAD, null), false, false],
    ['a CRM clerk', employee('clerk', Role.CRM_CLERK, null), false, true],
    ['the resource director', employee('rd', Role.RESOURCE_DIRECTOR, null), false, true],
    ['the general manager', employee('gm', Role.GENERAL_MANAGER, null), false, true],
    ['the coordinator', employee('co', Role.COORDINATOR, null), false, true],
    ['an admin', employee('admin', Role.ADMIN, null), false, true],
    ['a partner with customers:pii', partner(['service-visits:read', 'customers:pii']), false, true],
    ['a partner without customers:pii', partner(['service-visits:read']), false, false],
    ['nobody signed in', undefined, false, false],
  ])('%s: serves %s, sees notes %s', (_who, caller, serves, sees) => {
    expect(servesCustomer(caller, customer)).toBe(serves);
    expect(maySeePersonalData(caller, customer)).toBe(sees);
  });

  it('nobody serves a customer whose owner is not known; the company-wide roles still see the notes', () => {
    expect(servesCustomer(employee('owner', Role.EMPLOYEE, 'd1'), null)).toBe(false);
    expect(servesCustomer(employee('owner', Role.EMPLOYEE, 'd1'), { ownerId: null, departmentId: null })).toBe(false);
    expect(maySeePersonalData(employee('owner', Role.EMPLOYEE, 'd1'), null)).toBe(false);
    expect(maySeePersonalData(employee('gm', Role.GENERAL_MANAGER, null), null)).toBe(true);
  });

  it('tells department staff from company-wide roles and partners', () => {
    expect([Role.EMPLOYEE, Role.DEPARTMENT_HEAD].every((r) => isDepartmentStaff(employee('x', r, 'd1')))).toBe(true);
    expect([Role.CRM_CLERK, Role.COORDINATOR, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN].some((r) => isDepartmentStaff(employee('x', r, null)))).toBe(false);
    expect(isDepartmentStaff(partner(['service-visits:write']))).toBe(false);
  });
});
