import { EmployeePrincipal, PartnerPrincipal, Role } from '@crm/auth';
import { actorOf, staffScope } from './staff-scope';

const employee = (employeeId: string, role: Role, departmentId: string | null): EmployeePrincipal => ({ kind: 'employee', employeeId, role, departmentId });
const partner: PartnerPrincipal = { kind: 'partner', keyId: 'k1', name: 'ERP', scopes: ['service-visits:read', 'customers:pii'] };

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
