import { EmployeePrincipal, PartnerPrincipal, Role } from '@crm/auth';
import { actorOf, maySeeReadings, staffScope } from './visibility';

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

describe('whose plans and figures a caller lists', () => {
  it('gives an employee their own, and refuses another employee or department', () => {
    const e = employee('e1', Role.EMPLOYEE, 'd1');
    expect(staffScope(e, {})).toEqual({ employeeId: 'e1' });
    expect(staffScope(e, { employeeId: 'e1' })).toEqual({ employeeId: 'e1' });
    expect(() => staffScope(e, { employeeId: 'e2' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => staffScope(e, { departmentId: 'd2' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('gives a head their department, and refuses another', () => {
    const h = employee('h1', Role.DEPARTMENT_HEAD, 'd1');
    expect(staffScope(h, {})).toEqual({ departmentId: 'd1' });
    expect(staffScope(h, { employeeId: 'e1' })).toEqual({ employeeId: 'e1', departmentId: 'd1' });
    expect(() => staffScope(h, { departmentId: 'd2' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => staffScope(employee('h0', Role.DEPARTMENT_HEAD, null), {})).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it.each([Role.GENERAL_MANAGER, Role.RESOURCE_DIRECTOR, Role.COORDINATOR, Role.ADMIN, Role.CRM_CLERK])('lets %s list anyone', (role) => {
    expect(staffScope(employee('x', role, null), {})).toEqual({});
    expect(staffScope(employee('x', role, null), { departmentId: 'd2', employeeId: 'e9' })).toEqual({ departmentId: 'd2', employeeId: 'e9' });
  });

  it('refuses partners and anonymous callers', () => {
    expect(() => staffScope(partner, {})).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => staffScope(undefined, {})).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('names the actor of an audit entry', () => {
    expect(actorOf(employee('e1', Role.EMPLOYEE, 'd1'))).toBe('employee:e1');
    expect(actorOf(partner)).toBe('partner:k1');
    expect(actorOf(undefined)).toBe('system');
  });
});
