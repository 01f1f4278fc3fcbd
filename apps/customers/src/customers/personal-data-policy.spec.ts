import { EmployeePrincipal, Role } from '@crm/auth';
import { maySeeFullPhone, mayEditCustomer } from './personal-data-policy';

const customer = { ownerId: 'owner', departmentId: 'd1' };
const employee = (employeeId: string, role: Role, departmentId: string | null): EmployeePrincipal => ({ kind: 'employee', employeeId, role, departmentId });

describe('P-1 full phone', () => {
  it.each([
    ['the owner', employee('owner', Role.EMPLOYEE, 'd1'), true],
    ['the head of the owning department', employee('h', Role.DEPARTMENT_HEAD, 'd1'), true],
    ['the head of another department', employee('h2', Role.DEPARTMENT_HEAD, 'd2'), false],
    ['a colleague in the same department', employee('c', Role.EMPLOYEE, 'd1'), false],
    ['an employee of another department', employee('x', Role.EMPLOYEE, 'd2'), false],
    ['the CRM clerk', employee('k', Role.CRM_CLERK, null), true],
    ['the resource director', employee('r', Role.RESOURCE_DIRECTOR, null), true],
    ['the general manager', employee('g', Role.GENERAL_MANAGER, null), true],
    ['the coordinator', employee('co', Role.COORDINATOR, null), false],
    ['the admin', employee('a', Role.ADMIN, null), false],
  ])('%s → %s', (_who, viewer, full) => expect(maySeeFullPhone(viewer, customer)).toBe(full));

  it('partners see it only with the PII scope', () => {
    expect(maySeeFullPhone({ kind: 'partner', keyId: 'k', name: 'p', scopes: ['customers:read'] }, customer)).toBe(false);
    expect(maySeeFullPhone({ kind: 'partner', keyId: 'k', name: 'p', scopes: ['customers:pii'] }, customer)).toBe(true);
    expect(maySeeFullPhone(undefined, customer)).toBe(false);
  });

  it('only those responsible may edit', () => {
    expect(mayEditCustomer(employee('owner', Role.EMPLOYEE, 'd1'), customer)).toBe(true);
    expect(mayEditCustomer(employee('c', Role.EMPLOYEE, 'd1'), customer)).toBe(false);
    expect(mayEditCustomer(employee('h2', Role.DEPARTMENT_HEAD, 'd2'), customer)).toBe(false);
  });
});
