import { Principal, Role } from '@crm/auth';
import { ComplaintChannel } from './complaint-enums';
import { complaintScope, filingRefusal, maySee, reopeningRefusal, resolutionRefusal } from './visibility';

const D1 = 'd1';
const D2 = 'd2';
const staff = (role: Role, employeeId: string, departmentId: string | null = D1): Principal => ({ kind: 'employee', role, employeeId, departmentId });
const partner = (scopes: string[]): Principal => ({ kind: 'partner', keyId: 'k', name: 'ERP', scopes });

/** A complaint about employee `a` of department d1. */
const subject = { employeeId: 'a', departmentId: D1 };

describe('who sees complaints (C-1)', () => {
  it.each([
    ['the employee concerned', staff(Role.EMPLOYEE, 'a'), true],
    ['another employee of the department', staff(Role.EMPLOYEE, 'b'), false],
    ['an employee of another department', staff(Role.EMPLOYEE, 'c', D2), false],
    ["the head of the employee's department", staff(Role.DEPARTMENT_HEAD, 'h1'), true],
    ['the head of another department', staff(Role.DEPARTMENT_HEAD, 'h2', D2), false],
    ['a head without a department', staff(Role.DEPARTMENT_HEAD, 'h3', null), false],
    ['the general manager', staff(Role.GENERAL_MANAGER, 'gm', null), true],
    ['the coordinator', staff(Role.COORDINATOR, 'co', null), true],
    ['an admin', staff(Role.ADMIN, 'ad', null), true],
    ['a CRM clerk', staff(Role.CRM_CLERK, 'cl'), false],
    ['the resource director', staff(Role.RESOURCE_DIRECTOR, 'rd', null), false],
    ['a partner with complaints:read', partner(['complaints:read']), true],
    ['a partner without it', partner(['complaints:write', 'points:read']), false],
    ['nobody', undefined, false],
  ])('%s: %s', (_who, caller, sees) => {
    expect(maySee(caller, subject)).toBe(sees);
  });

  it('gives a head their department and themself, an employee themself', () => {
    expect(complaintScope(staff(Role.DEPARTMENT_HEAD, 'h1'))).toEqual({ kind: 'some', employeeId: 'h1', departmentId: D1 });
    expect(complaintScope(staff(Role.EMPLOYEE, 'a'))).toEqual({ kind: 'some', employeeId: 'a', departmentId: null });
    // A head moved to another department still sees complaints about themself.
    expect(maySee(staff(Role.DEPARTMENT_HEAD, 'a', D2), subject)).toBe(true);
  });

  it("shows a complaint to the head of the customer's department, who is fined for it (C-3, C-4), and to nobody else there", () => {
    const aboutAnotherDepartment = { employeeId: 'c', departmentId: D2, customerDepartmentId: D1 };
    expect(maySee(staff(Role.DEPARTMENT_HEAD, 'h1', D1), aboutAnotherDepartment)).toBe(true);
    expect(maySee(staff(Role.EMPLOYEE, 'b', D1), aboutAnotherDepartment)).toBe(false);
    expect(maySee(staff(Role.DEPARTMENT_HEAD, 'h2', D2), aboutAnotherDepartment)).toBe(true);
    expect(maySee(staff(Role.DEPARTMENT_HEAD, 'h3', 'd3'), aboutAnotherDepartment)).toBe(false);
    // Filing names no customer's department: a head files about their own department's staff only.
    expect(filingRefusal(staff(Role.DEPARTMENT_HEAD, 'h1', D1), { employeeId: 'c', departmentId: D2 }, ComplaintChannel.DISCOVERED)).not.toBeNull();
  });
});

describe('who files and reopens complaints', () => {
  it.each([
    ['the GM, to the GM', staff(Role.GENERAL_MANAGER, 'gm', null), ComplaintChannel.TO_GENERAL_MANAGER, true],
    ['the coordinator, to the GM', staff(Role.COORDINATOR, 'co', null), ComplaintChannel.TO_GENERAL_MANAGER, true],
    ['the head, to the GM', staff(Role.DEPARTMENT_HEAD, 'h1'), ComplaintChannel.TO_GENERAL_MANAGER, false],
    ['the head, discovered in their department', staff(Role.DEPARTMENT_HEAD, 'h1'), ComplaintChannel.DISCOVERED, true],
    ['another head, discovered', staff(Role.DEPARTMENT_HEAD, 'h2', D2), ComplaintChannel.DISCOVERED, false],
    ['the employee concerned, by hotline', staff(Role.EMPLOYEE, 'a'), ComplaintChannel.HOTLINE, true],
    ['a colleague, discovered', staff(Role.EMPLOYEE, 'b'), ComplaintChannel.DISCOVERED, false],
    ['a CRM clerk, by visit', staff(Role.CRM_CLERK, 'cl'), ComplaintChannel.VISIT, false],
    ['a partner, by its channel', partner(['complaints:write']), ComplaintChannel.PARTNER, true],
    ['a partner, by another channel', partner(['complaints:write']), ComplaintChannel.HOTLINE, false],
    ['nobody', undefined, ComplaintChannel.OTHER, false],
  ])('%s: %s', (_who, caller, channel, may) => {
    expect(filingRefusal(caller, subject, channel) === null).toBe(may);
  });

  it.each([
    ['the head', staff(Role.DEPARTMENT_HEAD, 'h1'), true],
    ['the general manager', staff(Role.GENERAL_MANAGER, 'gm', null), true],
    ['the employee concerned', staff(Role.EMPLOYEE, 'a'), false],
    ['another head', staff(Role.DEPARTMENT_HEAD, 'h2', D2), false],
    ['a partner', partner(['complaints:read', 'complaints:write']), false],
  ])('reopening by %s: %s', (_who, caller, may) => {
    expect(reopeningRefusal(caller, subject) === null).toBe(may);
  });
});

describe('who marks a complaint resolved (C-5)', () => {
  it.each([
    ['the head of the employee concerned', staff(Role.DEPARTMENT_HEAD, 'h1'), null],
    ['the general manager', staff(Role.GENERAL_MANAGER, 'gm', null), null],
    ['the coordinator', staff(Role.COORDINATOR, 'co', null), null],
    ['an admin', staff(Role.ADMIN, 'ad', null), null],
    ['the employee concerned', staff(Role.EMPLOYEE, 'a'), 'SELF_RESOLUTION'],
    ['a colleague', staff(Role.EMPLOYEE, 'b'), 'NOT_VISIBLE'],
    ['another head', staff(Role.DEPARTMENT_HEAD, 'h2', D2), 'NOT_VISIBLE'],
    ['a partner', partner(['complaints:read', 'complaints:write']), 'NOT_VISIBLE'],
    ['nobody', undefined, 'NOT_VISIBLE'],
  ])('%s: %s', (_who, caller, refusal) => {
    expect(resolutionRefusal(caller, subject)).toBe(refusal);
  });

  it('refuses a head, or the general manager, whom the complaint names', () => {
    expect(resolutionRefusal(staff(Role.DEPARTMENT_HEAD, 'h1'), { employeeId: 'h1', departmentId: D1 })).toBe('SELF_RESOLUTION');
    expect(resolutionRefusal(staff(Role.GENERAL_MANAGER, 'gm', null), { employeeId: 'gm', departmentId: D1 })).toBe('SELF_RESOLUTION');
  });
});
