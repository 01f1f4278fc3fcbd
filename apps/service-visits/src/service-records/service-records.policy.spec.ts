import { EmployeePrincipal, PartnerPrincipal, Role } from '@crm/auth';
import { maySeeReadings } from './service-records.policy';

const employee = (employeeId: string, role: Role, departmentId: string | null): EmployeePrincipal => ({ kind: 'employee', employeeId, role, departmentId });
const partner: PartnerPrincipal = { kind: 'partner', keyId: 'k1', name: 'ERP', scopes: ['service-visits:read', 'customers:pii'] };
const customer = { ownerId: 'owner', departmentId: 'd1' };

describe('who sees health readings (P-1)', () => {
  it.each([
    ['the owner', employee('owner', Role.EMPLOYEE, 'd1'), true],
    ['the owner, even as head of another department', employee('owner', Role.DEPARTMENT_HEAD, 'd2'), true],
    ["the owning department's head", employee('head', Role.DEPARTMENT_HEAD, 'd1'), true],
    ['a colleague in the same department', employee('colleague', Role.EMPLOYEE, 'd1'), false],
    ["another department's head", employee('head2', Role.DEPARTMENT_HEAD, 'd2'), false],
    ['a head of no department', employee('head0', Role.DEPARTMENT_HEAD, null), false],
    ['the general manager', employee('gm', Role.GENERAL_MANAGER, null), false],
    ['the resource director', employee('rd', Role.RESOURCE_DIRECTOR, null), false],
    ['a CRM clerk', employee('clerk', Role.CRM_CLERK, null), false],
    ['an admin', employee('admin', Role.ADMIN, null), false],
    ['a partner, whatever its scopes', partner, false],
    ['nobody signed in', undefined, false],
  ])('%s: %s', (_who, viewer, expected) => {
    expect(maySeeReadings(viewer, customer)).toBe(expected);
  });

  it('shows nobody the readings of a customer whose owner is not known', () => {
    expect(maySeeReadings(employee('owner', Role.EMPLOYEE, 'd1'), { ownerId: null, departmentId: null })).toBe(false);
  });
});
