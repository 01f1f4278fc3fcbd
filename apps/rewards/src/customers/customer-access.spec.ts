import { EmployeePrincipal, isDepartmentStaff, PartnerPrincipal, Role } from '@crm/auth';
import { mayActForCustomer } from './customer-access';

const employee = (employeeId: string, role: Role, departmentId: string | null): EmployeePrincipal => ({ kind: 'employee', employeeId, role, departmentId });
const partner: PartnerPrincipal = { kind: 'partner', keyId: 'k1', name: 'ERP', scopes: ['points:write'] };
const customer = { ownerId: 'owner', departmentId: 'd1' };

describe("who may read and redeem a customer's points (P-1)", () => {
  it.each([
    ['the owner', employee('owner', Role.EMPLOYEE, 'd1'), true],
    ['the owner, even as head of another department', employee('owner', Role.DEPARTMENT_HEAD, 'd2'), true],
    ["the owning department's head", employee('head', Role.DEPARTMENT_HEAD, 'd1'), true],
    ['a colleague of the owner', employee('colleague', Role.EMPLOYEE, 'd1'), false],
    ["another department's head", employee('head2', Role.DEPARTMENT_HEAD, 'd2'), false],
    ["another department's employee", employee('e2', Role.EMPLOYEE, 'd2'), false],
    ['a head of no department', employee('head0', Role.DEPARTMENT_HEAD, null), false],
    ['a CRM clerk', employee('clerk', Role.CRM_CLERK, null), true],
    ['the coordinator', employee('co', Role.COORDINATOR, null), true],
    ['the resource director', employee('rd', Role.RESOURCE_DIRECTOR, null), true],
    ['the general manager', employee('gm', Role.GENERAL_MANAGER, null), true],
    ['an admin', employee('admin', Role.ADMIN, null), true],
    ['a partner (scopes checked at the door)', partner, true],
    ['nobody signed in', undefined, false],
  ])('%s: %s', (_who, caller, expected) => {
    expect(mayActForCustomer(caller, customer)).toBe(expected);
  });

  it('refuses department staff when the owner is not known, and only them', () => {
    expect(mayActForCustomer(employee('owner', Role.EMPLOYEE, 'd1'), null)).toBe(false);
    expect(mayActForCustomer(employee('head', Role.DEPARTMENT_HEAD, 'd1'), null)).toBe(false);
    expect(mayActForCustomer(employee('clerk', Role.CRM_CLERK, null), null)).toBe(true);
    expect(mayActForCustomer(partner, null)).toBe(true);
  });

  it('tells department staff from the others', () => {
    expect([Role.EMPLOYEE, Role.DEPARTMENT_HEAD].map((r) => isDepartmentStaff(employee('x', r, 'd1')))).toEqual([true, true]);
    expect([Role.CRM_CLERK, Role.COORDINATOR, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN].some((r) => isDepartmentStaff(employee('x', r, null)))).toBe(false);
    expect(isDepartmentStaff(partner)).toBe(false);
  });
});
